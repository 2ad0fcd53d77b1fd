package fr.saisine.triage.cases.domain;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import fr.saisine.events.ComplaintTriaged.Sector;
import fr.saisine.events.AccessOutcome;
import fr.saisine.events.StaffActor;
import fr.saisine.platform.access.AccessAudit;
import fr.saisine.platform.access.AccessRefusedException;
import fr.saisine.platform.security.StaffMember;
import fr.saisine.platform.security.StaffRole;
import fr.saisine.triage.routing.TriageProperties;

/**
 * Staff changing a case: moving it through its lifecycle, assigning it, sending it to another
 * sector, noting something. Each change is made on the version the staff member saw: if the case
 * has changed since, the change is refused ({@link StaleCaseException}) rather than overwriting
 * someone else's; and of two changes racing from the same version, the store keeps one.
 */
@Service
public class CaseWork {

    /** A note needs no version: it is added to whatever the latest is, retried past concurrent changes. */
    static final int NOTE_ATTEMPTS = 20;

    private final Cases cases;
    private final CaseReading reading;
    private final Colleagues colleagues;
    private final TriageProperties triage;
    private final Clock clock;
    private final AccessAudit audit;

    CaseWork(Cases cases, CaseReading reading, Colleagues colleagues, TriageProperties triage, Clock clock,
            AccessAudit audit) {
        this.audit = audit;
        this.cases = cases;
        this.reading = reading;
        this.colleagues = colleagues;
        this.triage = triage;
        this.clock = clock;
    }

    public Case transition(StaffMember staff, String reference, long seenVersion, TransitionRequest request) {
        return change(staff, reference, seenVersion, c -> c.transition(request, actor(staff), clock.instant()));
    }

    /**
     * Gives the case to {@code username}, or to nobody (blank). An agent takes a case for
     * themselves or gives it back; a sector head gives it to any colleague of the sector.
     */
    public Case assign(StaffMember staff, String reference, long seenVersion, String username) {
        return change(staff, reference, seenVersion, c -> {
            StaffActor assignee = assignee(staff, c, username);
            return c.assign(assignee, actor(staff), clock.instant());
        });
    }

    public Case moveToSector(StaffMember staff, String reference, long seenVersion, String sectorCode,
            String reason) {
        String name = sectorCode == null ? null : triage.sectors().get(sectorCode);
        if (name == null) {
            throw new InvalidChangeException("sector", "'" + sectorCode + "' is not a sector; the sectors are "
                    + triage.sectors().keySet());
        }
        String why = TransitionRequest.blankToNull(reason);
        if (why == null) {
            throw new InvalidChangeException("reason", "say why the case moves to another sector");
        }
        InvalidChangeException.checkLength("reason", why, 2_000);
        return change(staff, reference, seenVersion,
                c -> c.moveTo(new Sector(sectorCode, name), why, actor(staff), clock.instant()));
    }

    public Case addNote(StaffMember staff, String reference, String text) {
        String note = TransitionRequest.blankToNull(text);
        if (note == null) {
            throw new InvalidChangeException("text", "a note needs a text");
        }
        InvalidChangeException.checkLength("text", note, TransitionRequest.MAX_NOTE);
        Case current = reading.read(staff, reference);
        for (int attempt = 1; ; attempt++) {
            Case.Change change = current.note(note, actor(staff), clock.instant());
            if (cases.save(change)) {
                return new Case(change.state(), change.version());
            }
            if (attempt == NOTE_ATTEMPTS) {
                throw new StaleCaseException(reference, current.version(), change.version());
            }
            current = reading.read(staff, reference); // the sector rule again: the case may have moved
        }
    }

    /**
     * Sets ({@code held}) or lifts a legal hold, with its reason: a decision of the SECTOR_HEAD of the
     * case's sector, recorded as a version of the case (who, when, why). Made on the latest version,
     * like a note: nothing else on the case decides it.
     *
     * @throws AccessRefusedException for anyone but a head of the case's sector (recorded)
     */
    public Case legalHold(StaffMember staff, String reference, boolean held, String reason) {
        String why = TransitionRequest.blankToNull(reason);
        if (why == null) {
            throw new InvalidChangeException("reason", "say why the legal hold is " + (held ? "set" : "lifted"));
        }
        InvalidChangeException.checkLength("reason", why, 2_000);
        Case current = reading.read(staff, reference);
        if (!staff.is(StaffRole.SECTOR_HEAD)) {
            audit.record(staff, List.of(reference), AccessOutcome.REFUSED,
                    "only a sector head sets or lifts a legal hold");
            throw new AccessRefusedException("legal hold of case " + reference);
        }
        for (int attempt = 1; ; attempt++) {
            Case.Change change = held ? current.holdForLegalReasons(why, actor(staff), clock.instant())
                    : current.liftLegalHold(why, actor(staff), clock.instant());
            if (cases.save(change)) {
                return new Case(change.state(), change.version());
            }
            if (attempt == NOTE_ATTEMPTS) {
                throw new StaleCaseException(reference, current.version(), change.version());
            }
            current = reading.read(staff, reference);
        }
    }

    private Case change(StaffMember staff, String reference, long seenVersion, Function<Case, Case.Change> decide) {
        Case current = reading.read(staff, reference);
        colleagues.remember(staff);
        if (current.version() != seenVersion) {
            throw new StaleCaseException(reference, seenVersion, current.version());
        }
        Case.Change change = decide.apply(current);
        if (!cases.save(change)) {
            throw new StaleCaseException(reference, seenVersion, seenVersion + 1);
        }
        return new Case(change.state(), change.version());
    }

    private StaffActor assignee(StaffMember staff, Case c, String username) {
        String wanted = TransitionRequest.blankToNull(username);
        if (wanted == null) {
            boolean ownCase = c.state().assignee() != null && staff.subject().equals(c.state().assignee().subject());
            if (!ownCase && !staff.is(StaffRole.SECTOR_HEAD)) {
                throw new InvalidChangeException("assignee", "only a sector head takes a case from a colleague");
            }
            return null;
        }
        if (wanted.equals(staff.username())) {
            boolean takenByAnother = c.state().assignee() != null
                    && !staff.subject().equals(c.state().assignee().subject());
            if (takenByAnother && !staff.is(StaffRole.SECTOR_HEAD)) {
                throw new InvalidChangeException("assignee", c.state().assignee().name()
                        + " works this case: only a sector head takes it from a colleague");
            }
            return actor(staff);
        }
        if (!staff.is(StaffRole.SECTOR_HEAD)) {
            throw new InvalidChangeException("assignee", "an agent takes a case for themselves; a sector head assigns it to others");
        }
        return colleagues.inSector(wanted, c.state().sector().code()).orElseThrow(() -> new InvalidChangeException(
                "assignee", "'" + wanted + "' is not a colleague of sector " + c.state().sector().code()
                        + " known to Saisine (they appear once they have signed in)"));
    }

    static StaffActor actor(StaffMember staff) {
        return new StaffActor(staff.subject(), staff.username(), staff.displayName());
    }
}
