package fr.saisine.notification.message.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.saisine.events.MessageKind;
import fr.saisine.notification.correspondent.Correspondent;
import fr.saisine.notification.correspondent.CorrespondentDirectory;

/**
 * GDPR art. 78(2): a complainant who has had no letter about an open case for a while is told
 * that it is still being handled, and where it stands. Once per silent period, whichever instance
 * finds it first: the notice's id names the letter that began the silence.
 */
@Service
public class ProgressNotices {

    private static final Logger log = LoggerFactory.getLogger(ProgressNotices.class);
    private static final int BATCH = 100;

    private final CorrespondentDirectory directory;
    private final LetterWriter writer;
    private final Messages messages;
    private final CorrespondenceClock correspondence;
    private final Clock clock;

    ProgressNotices(CorrespondentDirectory directory, LetterWriter writer, Messages messages,
            CorrespondenceClock correspondence, Clock clock) {
        this.directory = directory;
        this.writer = writer;
        this.messages = messages;
        this.correspondence = correspondence;
        this.clock = clock;
    }

    /** Writes to the complainants of open cases last written to before {@code cutoff}; returns how many cases. */
    public int writeWhereSilentSince(Instant cutoff) {
        Instant now = clock.instant();
        int written = 0;
        for (CorrespondenceClock.Silence candidate : correspondence.silentSince(cutoff, BATCH)) {
            if (write(candidate.reference(), cutoff, now)) {
                written++;
            }
        }
        return written;
    }

    private boolean write(String reference, Instant cutoff, Instant now) {
        // read again by _id: another instance may have written in the meantime
        Optional<CorrespondenceClock.Silence> silence = correspondence.silence(reference)
                .filter(s -> s.lastLetterAt().isBefore(cutoff));
        Optional<CorrespondenceClock.CaseState> state = correspondence.state(reference);
        Optional<Correspondent> correspondent = directory.find(reference);
        if (silence.isEmpty() || state.isEmpty() || correspondent.isEmpty()) {
            return false;
        }
        if (state.get().closed()) {
            // the case's state, which only the consumer writes, is the authority on closure
            correspondence.closed(reference);
            return false;
        }
        Instant lastLetterAt = silence.get().lastLetterAt();
        LocalDate today = LocalDate.ofInstant(now, LetterWriter.FRANCE);
        Letter letter = letter(writer, correspondent.get(), state.get(), lastLetterAt, today);
        int already = messages.queueToEach(correspondent.get(), MessageKind.PROGRESS, letter, now,
                address -> OutgoingMessage.progressIdOf(reference, lastLetterAt, address));
        if (already > 0) {
            log.info("progress notice of {} for the silence since {} already queued (another instance, or before a restart)",
                    reference, lastLetterAt);
        }
        correspondence.progressQueued(reference, now);
        return true;
    }

    static Letter letter(LetterWriter writer, Correspondent correspondent, CorrespondenceClock.CaseState state,
            Instant lastLetterAt, LocalDate today) {
        return writer.letter(MessageKind.PROGRESS, correspondent, CaseHandling.of(state), today,
                Map.of("status", state.status() == null ? "UNDER_REVIEW" : state.status().name(),
                        "lastLetterOn", LocalDate.ofInstant(lastLetterAt, LetterWriter.FRANCE)));
    }
}
