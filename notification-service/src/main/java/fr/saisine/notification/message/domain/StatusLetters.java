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

import fr.saisine.events.CaseMovedToSector;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.MessageKind;
import fr.saisine.platform.appeal.AppealDeadline;
import fr.saisine.notification.correspondent.Correspondent;
import fr.saisine.notification.correspondent.CorrespondentDirectory;
import fr.saisine.notification.correspondent.UnknownCorrespondentException;

/**
 * Writes to everyone the complaint names when its case changes status in a way they should know
 * of: taken under review (after triage), a question for them, their answer received, an
 * intervention, the closure with its right of appeal (none after a withdrawal), a reopening. One letter per change and recipient, whatever is redelivered:
 * its id holds the case's version.
 */
@Service
public class StatusLetters {

    private static final Logger log = LoggerFactory.getLogger(StatusLetters.class);

    private final CorrespondentDirectory directory;
    private final LetterWriter writer;
    private final Messages messages;
    private final CorrespondenceClock correspondence;
    private final Clock clock;

    StatusLetters(CorrespondentDirectory directory, LetterWriter writer, Messages messages,
            CorrespondenceClock correspondence, Clock clock) {
        this.directory = directory;
        this.writer = writer;
        this.messages = messages;
        this.correspondence = correspondence;
        this.clock = clock;
    }

    public void statusChanged(ComplaintStatusChanged change) {
        String sectorName = change.sector() != null ? change.sector().name()
                : correspondence.state(change.reference()).map(CorrespondenceClock.CaseState::sectorName).orElse(null);
        Instant now = clock.instant();
        Optional<MessageKind> kind = MessageKind.forStatusChange(change);
        kind.ifPresent(k -> write(k, change, sectorName, now));
        correspondence.changed(change.reference(), change.version(), change.to(), sectorName,
                kind.isPresent() ? now : null);
    }

    /** The letters name the new sector from now on (the next status event carries it too). */
    public void moved(CaseMovedToSector move) {
        correspondence.changed(move.reference(), move.version(), null, move.to().name(), null);
    }

    private void write(MessageKind kind, ComplaintStatusChanged change, String sectorName, Instant now) {
        Correspondent correspondent = directory.find(change.reference())
                .orElseThrow(() -> new UnknownCorrespondentException(change.reference()));
        // the day the letter is written stands for the day it is notified (DESIGN.md): they differ
        // only for a letter held in the queue past midnight
        Letter letter = letter(writer, kind, change, correspondent, sectorName, LocalDate.ofInstant(now, LetterWriter.FRANCE));
        int already = messages.queueToEach(correspondent, kind, letter, now,
                address -> OutgoingMessage.idOf(change.reference(), kind, change.version(), address));
        if (already > 0) {
            log.info("{} letter of {} (version {}) already queued to {} recipient(s): redelivery ignored", kind,
                    change.reference(), change.version(), already);
        }
    }

    /** The letter for a change, written (and notified) on {@code today}. */
    static Letter letter(LetterWriter writer, MessageKind kind, ComplaintStatusChanged change,
            Correspondent correspondent, String sectorName, LocalDate today) {
        Map<String, Object> details = new HashMap<>();
        details.put("letter", blankToNull(change.letter()));
        details.put("question", change.question());
        details.put("outcome", change.outcome() == null ? null : change.outcome().name());
        details.put("referredTo", change.referredTo());
        details.put("residence", correspondent.residenceOrMetropolitan().name());
        details.put("notifiedOn", today);
        details.put("lastDay", AppealDeadline.lastDay(today, correspondent.residenceOrMetropolitan()));
        return writer.letter(kind, correspondent, sectorName, today, details);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
