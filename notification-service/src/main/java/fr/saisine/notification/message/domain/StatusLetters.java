package fr.saisine.notification.message.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.function.UnaryOperator;

import fr.saisine.events.CaseAssigned;
import fr.saisine.events.CaseMovedToSector;
import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.MessageKind;
import fr.saisine.notification.correspondent.Correspondent;
import fr.saisine.notification.correspondent.CorrespondentDirectory;
import fr.saisine.notification.correspondent.UnknownCorrespondentException;

/**
 * Writes to everyone the complaint names when its case changes status in a way they should know
 * of: taken under review (after triage), a question for them, their answer received, an
 * intervention, the closing decision with its right of appeal (none after a withdrawal) and its PDF,
 * a reopening. One letter per change and recipient, whatever is redelivered: its id holds the
 * case's version. Remembers who has the case, whom the letters name.
 */
@Service
public class StatusLetters {

    private static final Logger log = LoggerFactory.getLogger(StatusLetters.class);

    private final CorrespondentDirectory directory;
    private final LetterWriter writer;
    private final Messages messages;
    private final CorrespondenceClock correspondence;
    private final Clock clock;
    private final DecisionPdfs pdfs;

    StatusLetters(CorrespondentDirectory directory, LetterWriter writer, Messages messages,
            CorrespondenceClock correspondence, Clock clock, DecisionPdfs pdfs) {
        this.pdfs = pdfs;
        this.directory = directory;
        this.writer = writer;
        this.messages = messages;
        this.correspondence = correspondence;
        this.clock = clock;
    }

    public void statusChanged(ComplaintStatusChanged change) {
        Optional<CorrespondenceClock.CaseState> known = correspondence.state(change.reference());
        String sectorCode = change.sector() != null ? change.sector().code()
                : known.map(CorrespondenceClock.CaseState::sectorCode).orElse(null);
        String sectorName = change.sector() != null ? change.sector().name()
                : known.map(CorrespondenceClock.CaseState::sectorName).orElse(null);
        String assignee = known.map(CorrespondenceClock.CaseState::assignee).orElse(null);
        Instant now = clock.instant();
        Optional<MessageKind> kind = MessageKind.forStatusChange(change);
        kind.ifPresent(k -> write(k, change, new CaseHandling(sectorCode, sectorName, assignee), now));
        correspondence.changed(change.reference(), change.version(), change.to(), sectorCode, sectorName,
                kind.isPresent() ? now : null);
    }

    /** The letters name the new sector from now on (the next status event carries it too). */
    public void moved(CaseMovedToSector move) {
        correspondence.changed(move.reference(), move.version(), null, move.to().code(), move.to().name(), null);
    }

    /** The letters name who handles the case ("Instruction du dossier"), from now on. */
    public void assigned(CaseAssigned assignment) {
        correspondence.assigned(assignment.reference(), assignment.version(),
                assignment.assignee() == null ? null : assignment.assignee().name());
    }

    private void write(MessageKind kind, ComplaintStatusChanged change, CaseHandling handling, Instant now) {
        Correspondent correspondent = directory.find(change.reference())
                .orElseThrow(() -> new UnknownCorrespondentException(change.reference()));
        Letter letter = letter(writer, kind, change, correspondent, handling, LocalDate.ofInstant(now, LetterWriter.FRANCE));
        UnaryOperator<String> idFor = address -> OutgoingMessage.idOf(change.reference(), kind, change.version(), address);
        if (letter.pdf() != null) {
            // kept before the letters are queued, so that the sender finds it to attach
            Map<String, byte[]> byMessage = new HashMap<>();
            correspondent.recipients().forEach(r -> byMessage.put(idFor.apply(r.email()), letter.pdf()));
            pdfs.keepAll(change.reference(), byMessage);
        }
        int already = messages.queueToEach(correspondent, kind, letter, now, idFor);
        if (already > 0) {
            log.info("{} letter of {} (version {}) already queued to {} recipient(s): redelivery ignored", kind,
                    change.reference(), change.version(), already);
        }
    }

    /**
     * The letter for a change, written on {@code today}. The closing letter says who decided and on
     * what ground; the paragraph staff wrote is, for a reminder of obligations, the matter the
     * organisation was reminded of, and for an inadmissible complaint its reason.
     */
    static Letter letter(LetterWriter writer, MessageKind kind, ComplaintStatusChanged change,
            Correspondent correspondent, CaseHandling handling, LocalDate today) {
        Map<String, Object> details = new HashMap<>();
        String paragraph = blankToNull(change.letter());
        boolean ground = change.outcome() == ClosureOutcome.REMINDER_OF_OBLIGATIONS
                || change.outcome() == ClosureOutcome.INADMISSIBLE;
        details.put("letter", ground ? null : paragraph);
        details.put("matter", ground ? paragraph : null);
        details.put("question", change.question());
        details.put("outcome", change.outcome() == null ? null : change.outcome().name());
        details.put("referredTo", change.referredTo());
        return writer.letter(kind, correspondent, handling, today, details);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
