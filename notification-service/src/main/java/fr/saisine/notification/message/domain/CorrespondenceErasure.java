package fr.saisine.notification.message.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.saisine.events.ErasureOrdered;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.PersonalDataErased;
import fr.saisine.notification.correspondent.CorrespondentDirectory;
import fr.saisine.notification.message.domain.Erasures.ErasedCorrespondence;
import fr.saisine.platform.store.ErasedPages;
import fr.saisine.platform.store.Versioned;

/**
 * Erases what notification holds of one complaint on triage's order, and answers it: the letters
 * (queue first: one still queued never leaves), their outcomes, the complaint's clock, then who it
 * names; last the tombstone, with the answer in its insert, so that a run stopped before it is
 * repeated whole on redelivery. Kept: the tombstone (reference, when, rule, run, and the letters
 * counted by kind and outcome, which identify nobody), and the case's sector ({@code case_sectors},
 * for the sector rule still decides who is told the letters are gone). An order for a complaint
 * erased already erases nothing and is answered again with no counts; the same order redelivered is
 * answered once.
 */
@Service
public class CorrespondenceErasure {

    private static final Logger log = LoggerFactory.getLogger(CorrespondenceErasure.class);
    static final String SERVICE = "notification";
    /** Where the erasure deletes: compacted soon after, so that no file keeps what it deleted. */
    private static final List<String> ERASED_FROM = List.of("messages", "messages_versions", "mail_queue", "mail_claims",
            "complaint_messages", "correspondence_clock", "case_letter_states", "correspondents", "decision_pdfs");

    private final Erasures erasures;
    private final LetterErasure letters;
    private final CorrespondentDirectory directory;
    private final Clock clock;
    private final ErasedPages pages;

    CorrespondenceErasure(Erasures erasures, LetterErasure letters, CorrespondentDirectory directory, Clock clock,
            ErasedPages pages) {
        this.erasures = erasures;
        this.letters = letters;
        this.directory = directory;
        this.clock = clock;
        this.pages = pages;
    }

    /** @param orderId the order's event id, by which a redelivered order is known */
    public void erase(ErasureOrdered order, String orderId) {
        String reference = order.reference();
        Instant now = clock.instant();
        Optional<Versioned<ErasedCorrespondence>> done = erasures.find(reference);
        if (done.isPresent()) {
            if (done.get().state().orders().contains(orderId)) {
                log.info("erasure order for {} already answered: redelivery ignored", reference);
            }
            else if (erasures.answerAgain(done.get(), orderId, answer(order, Map.of(), now))) {
                log.info("{} was erased already ({}): answered again, nothing erased", reference,
                        done.get().state().erasedAt());
            }
            return;
        }
        LetterErasure.ErasedLetters erasedLetters = letters.eraseAll(reference);
        pages.erasedFrom(ERASED_FROM);
        Map<String, Long> erased = new LinkedHashMap<>(erasedLetters.erased());
        if (directory.erase(reference)) {
            erased.put("correspondents", 1L);
        }
        if (!erasures.record(new ErasedCorrespondence(reference, now, order.rule(), order.runId(),
                erasedLetters.letters(), List.of(orderId)), answer(order, erased, now))) {
            log.info("{} was erased meanwhile by another instance", reference);
            return;
        }
        log.info("erased {} under {} (run {}): {}", reference, order.rule(), order.runId(), erased);
    }

    private static EventEnvelope<PersonalDataErased> answer(ErasureOrdered order, Map<String, Long> erased,
            Instant now) {
        return EventEnvelope.wrap(new PersonalDataErased(order.reference(), SERVICE, order.runId(), Map.copyOf(erased),
                now), now);
    }
}
