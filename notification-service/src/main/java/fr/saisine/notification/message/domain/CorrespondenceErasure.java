package fr.saisine.notification.message.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import fr.saisine.platform.store.VersionedStore.Creation;
import fr.saisine.platform.tracing.EventTracing;

/**
 * Erases what notification holds of complaints on triage's orders, and answers them: the letters
 * (queue first: one still queued never leaves), their outcomes, the complaints' clocks, then who
 * they name; last the tombstones, each with its answer in its insert, so that a run stopped before
 * them is repeated whole on redelivery. Kept: the tombstone (reference, when, rule, run, and the
 * letters counted by kind and outcome, which identify nobody), and the case's sector
 * ({@code case_sectors}, for the sector rule still decides who is told the letters are gone). An
 * order for a complaint erased already erases nothing and is answered again with no counts; the
 * same order redelivered is answered once.
 * <p>
 * The orders of one poll are carried out together: each step is one command by {@code _id} for
 * all their complaints (in chunks of the platform's {@code ByIds}), whatever their number, where
 * one complaint at a time cost a dozen commands each.
 */
@Service
public class CorrespondenceErasure {

    private static final Logger log = LoggerFactory.getLogger(CorrespondenceErasure.class);
    static final String SERVICE = "notification";
    private static final String SPAN = "erase correspondence";
    /** Where the erasure deletes: compacted soon after, so that no file keeps what it deleted. */
    private static final List<String> ERASED_FROM = List.of("messages", "messages_versions", "mail_queue", "mail_claims",
            "complaint_messages", "correspondence_clock", "case_letter_states", "correspondents", "decision_pdfs");

    /**
     * One order as consumed: its event id, by which a redelivered order is known, and the trace of
     * the work that published it, which its answer continues.
     */
    public record Order(ErasureOrdered order, String orderId, String traceparent) {

        String reference() {
            return order.reference();
        }
    }

    private final Erasures erasures;
    private final LetterErasure letters;
    private final CorrespondentDirectory directory;
    private final Clock clock;
    private final ErasedPages pages;
    private final EventTracing tracing;

    CorrespondenceErasure(Erasures erasures, LetterErasure letters, CorrespondentDirectory directory, Clock clock,
            ErasedPages pages, EventTracing tracing) {
        this.erasures = erasures;
        this.letters = letters;
        this.directory = directory;
        this.clock = clock;
        this.pages = pages;
        this.tracing = tracing;
    }

    /**
     * Carries out these orders, in order: those for complaints erased already are answered again
     * (or not, when redelivered); the other complaints are erased together, each by its first
     * order, and their tombstones written at once; an order after another for the same complaint
     * is then answered as one for a complaint erased already.
     */
    public void eraseAll(List<Order> orders) {
        if (orders.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Versioned<ErasedCorrespondence>> done = new HashMap<>(
                erasures.findAll(orders.stream().map(Order::reference).distinct().toList()));
        Map<String, Order> toErase = new LinkedHashMap<>();
        List<Order> following = new ArrayList<>();
        for (Order each : orders) {
            if (done.containsKey(each.reference())) {
                answerAgain(done, each, now);
            }
            else if (toErase.putIfAbsent(each.reference(), each) != null) {
                following.add(each);
            }
        }
        if (!toErase.isEmpty()) {
            erase(toErase, now);
        }
        if (!following.isEmpty()) {
            Map<String, Versioned<ErasedCorrespondence>> erased = new HashMap<>(
                    erasures.findAll(following.stream().map(Order::reference).distinct().toList()));
            following.stream().filter(each -> erased.containsKey(each.reference()))
                    .forEach(each -> answerAgain(erased, each, now));
        }
    }

    private void erase(Map<String, Order> orders, Instant now) {
        Map<String, LetterErasure.ErasedLetters> erasedLetters = letters.eraseAll(orders.keySet());
        Set<String> named = directory.eraseAll(orders.keySet());
        pages.erasedFrom(ERASED_FROM);
        Map<String, Map<String, Long>> counts = new HashMap<>();
        List<Creation<ErasedCorrespondence>> tombstones = new ArrayList<>();
        orders.forEach((reference, each) -> {
            LetterErasure.ErasedLetters erasedOfIt = erasedLetters.get(reference);
            Map<String, Long> erased = new LinkedHashMap<>(erasedOfIt.erased());
            if (named.contains(reference)) {
                erased.put("correspondents", 1L);
            }
            counts.put(reference, erased);
            ErasureOrdered order = each.order();
            tracing.continueTrace(each.traceparent(), SPAN, reference, () -> tombstones.add(erasures.recording(
                    new ErasedCorrespondence(reference, now, order.rule(), order.runId(), erasedOfIt.letters(),
                            List.of(each.orderId())), answer(order, erased, now))));
        });
        Set<String> before = erasures.recordAll(tombstones);
        orders.forEach((reference, each) -> {
            if (before.contains(reference)) {
                log.info("{} was erased meanwhile by another instance", reference);
            }
            else {
                log.info("erased {} under {} (run {}): {}", reference, each.order().rule(), each.order().runId(),
                        counts.get(reference));
            }
        });
    }

    /** Answers an order for a complaint erased already, once: {@code done} learns the answer given. */
    private void answerAgain(Map<String, Versioned<ErasedCorrespondence>> done, Order each, Instant now) {
        Versioned<ErasedCorrespondence> tombstone = done.get(each.reference());
        if (tombstone.state().orders().contains(each.orderId())) {
            log.info("erasure order for {} already answered: redelivery ignored", each.reference());
        }
        else if (tracing.continueTrace(each.traceparent(), SPAN, each.reference(), () -> erasures.answerAgain(
                tombstone, each.orderId(), answer(each.order(), Map.of(), now)))) {
            log.info("{} was erased already ({}): answered again, nothing erased", each.reference(),
                    tombstone.state().erasedAt());
            done.put(each.reference(), new Versioned<>(tombstone.id(), tombstone.version() + 1,
                    tombstone.state().answering(each.orderId())));
        }
    }

    private static EventEnvelope<PersonalDataErased> answer(ErasureOrdered order, Map<String, Long> erased,
            Instant now) {
        return EventEnvelope.wrap(new PersonalDataErased(order.reference(), SERVICE, order.runId(), Map.copyOf(erased),
                now), now);
    }
}
