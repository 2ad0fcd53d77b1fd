package fr.saisine.triage.cases.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import fr.saisine.events.CaseAssigned;
import fr.saisine.events.CaseMovedToSector;
import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplainantAnswered;
import fr.saisine.events.ComplaintStatus;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.ComplaintTriaged.Sector;
import fr.saisine.events.ErasureOrdered;
import fr.saisine.events.ErasureRule;
import fr.saisine.events.Event;
import fr.saisine.events.StaffActor;
import fr.saisine.events.WithdrawalRequested;

/**
 * A case at one version, and the changes staff can make to it. Each change asks the
 * {@link Lifecycle} or the case's own state whether it is allowed, and says which events follow;
 * the caller stores the change as the next version, which only one writer can do.
 */
public final class Case {

    private final TriagedCase state;
    private final long version;

    public Case(TriagedCase state, long version) {
        this.state = state;
        this.version = version;
    }

    /** The new state at the next version, and the events that announce it. */
    public record Change(TriagedCase state, long version, List<Event> events) {
    }

    public TriagedCase state() {
        return state;
    }

    public long version() {
        return version;
    }

    public List<CaseStatus> allowedTransitions() {
        return Lifecycle.next(state.status());
    }

    /** @throws TransitionNotAllowedException when the lifecycle does not lead there from here */
    public Change transition(TransitionRequest request, StaffActor actor, Instant now) {
        refuseIfAnonymised("to");
        CaseStatus to = request.to();
        if (!Lifecycle.allows(state.status(), to)) {
            throw new TransitionNotAllowedException(state.status(), to, allowedTransitions());
        }
        if (request.letter() != null && !Lifecycle.writesToComplainant(state.status(), to)) {
            throw new InvalidChangeException("letter", "no letter goes to the complainant for this change, "
                    + "so there is nothing to add a paragraph to; use the internal note");
        }
        var step = new TriagedCase.StatusChange(to, now, actor, request.note(), request.outcome(),
                request.referredTo(), request.question(), request.letter(), null, null, List.of());
        TriagedCase next = state.change().status(to, step, request.outcome(), request.referredTo(),
                        to == CaseStatus.INFORMATION_REQUESTED ? request.question() : null)
                .questionVersion(to == CaseStatus.INFORMATION_REQUESTED ? version + 1 : 0).build();
        return next(next, new ComplaintStatusChanged(state.reference(), version + 1,
                ComplaintStatus.valueOf(state.status().name()), ComplaintStatus.valueOf(to.name()), request.outcome(),
                request.referredTo(), request.question(), request.letter(), actor, state.sector(), now));
    }

    /**
     * The complainant's answer, sent through their link: the case goes back under review, if it
     * still awaits the answer to that very question; otherwise nothing changes (the question was
     * answered or withdrawn meanwhile, or this is a redelivery).
     */
    public Optional<Change> answered(ComplainantAnswered answer, Instant now) {
        if (state.status() != CaseStatus.INFORMATION_REQUESTED || state.questionVersion() != answer.questionVersion()) {
            return Optional.empty();
        }
        StaffActor complainant = StaffActor.complainant(answer.answeredBy());
        var step = new TriagedCase.StatusChange(CaseStatus.UNDER_REVIEW, now, complainant, null, null, null, null, null,
                answer.text(), null, answer.attachments());
        TriagedCase next = state.change().status(CaseStatus.UNDER_REVIEW, step, null, null, null).questionVersion(0).build();
        return Optional.of(next(next, new ComplaintStatusChanged(state.reference(), version + 1,
                ComplaintStatus.INFORMATION_REQUESTED, ComplaintStatus.UNDER_REVIEW, null, null, null, null, complainant,
                state.sector(), now, answer.text(), null)));
    }

    /**
     * The complainant's withdrawal: an open case closes, outcome WITHDRAWN, from whatever status it
     * is in (the complainant's right, not a step of the staff's lifecycle). A closed case, or one
     * closed and reopened since the request was made, is left as it is.
     */
    public Optional<Change> withdrawn(WithdrawalRequested withdrawal, Instant now) {
        if (!state.isOpen() || state.closures() != withdrawal.closures()) {
            return Optional.empty();
        }
        StaffActor complainant = StaffActor.complainant(withdrawal.requestedBy());
        var step = new TriagedCase.StatusChange(CaseStatus.CLOSED, now, complainant, null, ClosureOutcome.WITHDRAWN,
                null, null, null, null, withdrawal.reason(), List.of());
        TriagedCase next = state.change().status(CaseStatus.CLOSED, step, ClosureOutcome.WITHDRAWN, null, null)
                .questionVersion(0).build();
        return Optional.of(next(next, new ComplaintStatusChanged(state.reference(), version + 1,
                ComplaintStatus.valueOf(state.status().name()), ComplaintStatus.CLOSED, ClosureOutcome.WITHDRAWN, null,
                null, null, complainant, state.sector(), now, null, withdrawal.reason())));
    }

    /** Gives the case to {@code assignee}, or to nobody (null). */
    public Change assign(StaffActor assignee, StaffActor actor, Instant now) {
        refuseIfAnonymised("assignee");
        return next(state.change().assignee(assignee).build(),
                new CaseAssigned(state.reference(), version + 1, assignee, actor, state.sector(), now));
    }

    /**
     * Moves the case to another sector's queue. Nobody there has it yet, so it is unassigned; the
     * routing rule stays beside the move, which says who decided and why.
     */
    public Change moveTo(Sector to, String reason, StaffActor actor, Instant now) {
        refuseIfAnonymised("sector");
        if (to.code().equals(state.sector().code())) {
            throw new InvalidChangeException("sector", "the case is already in " + to.code());
        }
        if (!state.isOpen()) {
            throw new InvalidChangeException("sector", "a closed case stays in the sector that closed it; reopen it first");
        }
        var move = new TriagedCase.SectorMove(state.sector(), to, reason, actor, now);
        return next(state.change().sector(move).assignee(null).build(),
                new CaseMovedToSector(state.reference(), version + 1, state.sector(), to, reason, actor, now));
    }

    /** Adds an internal note: a change of the case (its version moves) that nobody outside triage hears of. */
    public Change note(String text, StaffActor actor, Instant now) {
        refuseIfAnonymised("text");
        return new Change(state.change().note(new TriagedCase.Note(text, actor, now)).build(), version + 1, List.of());
    }

    /** Sets a legal hold: the retention schedule skips the case until it is lifted. */
    public Change holdForLegalReasons(String reason, StaffActor actor, Instant now) {
        refuseIfAnonymised("legalHold");
        if (state.underLegalHold()) {
            throw new InvalidChangeException("legalHold", "the case is already under a legal hold; lift it first");
        }
        return new Change(state.change().legalHold(new TriagedCase.LegalHoldChange(true, reason, actor, now)).build(),
                version + 1, List.of());
    }

    /** Lifts the legal hold: the case's retention period applies again, counted from its last closing. */
    public Change liftLegalHold(String reason, StaffActor actor, Instant now) {
        refuseIfAnonymised("legalHold");
        if (!state.underLegalHold()) {
            throw new InvalidChangeException("legalHold", "the case is not under a legal hold");
        }
        return new Change(state.change().legalHold(new TriagedCase.LegalHoldChange(false, reason, actor, now)).build(),
                version + 1, List.of());
    }

    /**
     * The case anonymised, with the order to every service to erase what it holds of the complaint
     * ({@link ErasureOrdered}), in the same write: the order cannot be lost once the case is erased.
     */
    public Change anonymise(ErasureRule rule, String runId, Instant now) {
        return new Change(state.anonymised(now), version + 1,
                List.of(new ErasureOrdered(state.reference(), rule, runId, now)));
    }

    /** The case anonymised without a new order: when an order reached the case before the case was erased. */
    public Change anonymiseWithoutOrder(Instant now) {
        return new Change(state.anonymised(now), version + 1, List.of());
    }

    /** An anonymised case no longer changes: there is nobody left to write to, nothing left to work on. */
    void refuseIfAnonymised(String field) {
        if (state.isAnonymised()) {
            throw new InvalidChangeException(field, "the case was anonymised at the end of its retention period ("
                    + state.anonymisedAt() + "); it no longer changes");
        }
    }

    private Change next(TriagedCase next, Event event) {
        return new Change(next, version + 1, List.of(event));
    }
}
