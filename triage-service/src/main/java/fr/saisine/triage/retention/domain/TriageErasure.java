package fr.saisine.triage.retention.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.saisine.events.ErasureOrdered;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.EventType;
import fr.saisine.events.PersonalDataErased;
import fr.saisine.platform.events.EventJson;
import fr.saisine.platform.events.EventPublisher;
import fr.saisine.platform.store.ErasedPages;
import fr.saisine.triage.cases.domain.Case;
import fr.saisine.triage.cases.domain.CaseLetters;
import fr.saisine.triage.cases.domain.Cases;

/**
 * Triage's own answer to an order of erasure, like every service's: the case anonymised (the run
 * did it already; an order from elsewhere, or one that reached the case first, does it here), its
 * older versions and their events erased, its letters anonymised; then {@link PersonalDataErased}
 * on complaint-events with the counts, which triage gathers with the other services' answers
 * ({@link ErasureAnswers}). Idempotent: a repeated order finds nothing left, and answers again with
 * no counts, so that a reorder is always answered.
 */
@Service
public class TriageErasure {

    public static final String SERVICE = "triage";
    /** The binding of complaint-events, declared in application.yml. */
    static final String BINDING = "complaintEvents-out-0";

    private static final Logger log = LoggerFactory.getLogger(TriageErasure.class);
    private static final int ATTEMPTS = 5;

    private final Cases cases;
    private final CaseLetters letters;
    private final EventPublisher publisher;
    private final EventJson json;
    private final Clock clock;
    private final ErasedPages pages;

    TriageErasure(Cases cases, CaseLetters letters, EventPublisher publisher, EventJson json, Clock clock,
            ErasedPages pages) {
        this.cases = cases;
        this.letters = letters;
        this.publisher = publisher;
        this.json = json;
        this.clock = clock;
        this.pages = pages;
    }

    public void erase(ErasureOrdered order) {
        eraseAll(List.of(order));
    }

    /**
     * Carries out a poll's orders at once: the cases read, anonymised where the run has not done it,
     * their histories and letters erased, each a write for all; then each order answered.
     */
    public void eraseAll(List<ErasureOrdered> orders) {
        Set<String> references = new LinkedHashSet<>();
        orders.forEach(order -> references.add(order.reference()));
        List<Case> anonymised = anonymised(cases.findAllLeavingHeads(references).values());
        Map<String, Map<String, Long>> erased = new HashMap<>(cases.eraseHistoryAll(anonymised));
        letters.anonymiseAll(references).forEach((reference, count) ->
                erased.computeIfAbsent(reference, r -> new LinkedHashMap<>()).put("case_letters", count));
        if (!anonymised.isEmpty()) {
            // rewritten, not deleted: the pages of the old versions are freed all the same
            pages.erasedFrom("cases", "cases_versions", "case_letters");
        }
        Instant now = clock.instant();
        for (ErasureOrdered order : orders) {
            Map<String, Long> counts = erased.getOrDefault(order.reference(), Map.of());
            var answer = new PersonalDataErased(order.reference(), SERVICE, order.runId(), Map.copyOf(counts), now);
            publisher.publish(BINDING, order.reference(), EventType.PERSONAL_DATA_ERASED.typeName(),
                    json.write(EventEnvelope.wrap(answer, now)));
            // the first order of a reference erased it; the same order again in the poll finds nothing left
            erased.remove(order.reference());
            log.info("complaint {}: triage's records erased for run {} {}", order.reference(), order.runId(), counts);
        }
    }

    /** The cases, each anonymised: the run did it already, or it is done here, a write for all a round. */
    private List<Case> anonymised(Collection<Case> found) {
        List<Case> done = new ArrayList<>();
        List<Case> pending = new ArrayList<>();
        for (Case each : found) {
            (each.state().isAnonymised() ? done : pending).add(each);
        }
        for (int attempt = 1; !pending.isEmpty() && attempt <= ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            Map<String, Case.Change> changes = new LinkedHashMap<>();
            for (Case each : pending) {
                changes.put(each.state().reference(), each.anonymiseWithoutOrder(now));
            }
            Set<String> changedFirst = cases.saveAll(List.copyOf(changes.values()));
            changes.forEach((reference, change) -> {
                if (!changedFirst.contains(reference)) {
                    done.add(new Case(change.state(), change.version()));
                }
            });
            pending = new ArrayList<>();
            for (Case current : cases.findAll(changedFirst).values()) {
                (current.state().isAnonymised() ? done : pending).add(current);
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("case " + pending.getFirst().state().reference()
                    + " kept changing: not anonymised yet");
        }
        return done;
    }
}
