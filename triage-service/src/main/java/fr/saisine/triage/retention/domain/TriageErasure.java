package fr.saisine.triage.retention.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
        Map<String, Long> erased = new LinkedHashMap<>();
        Optional<Case> found = cases.find(order.reference());
        if (found.isPresent()) {
            Case current = found.get();
            for (int attempt = 1; !current.state().isAnonymised() && attempt <= 5; attempt++) {
                Case.Change change = current.anonymiseWithoutOrder(clock.instant());
                if (cases.save(change)) {
                    current = new Case(change.state(), change.version());
                }
                else {
                    current = cases.find(order.reference()).orElseThrow();
                }
            }
            if (!current.state().isAnonymised()) {
                throw new IllegalStateException("case " + order.reference() + " kept changing: not anonymised yet");
            }
            erased.putAll(cases.eraseHistory(current));
            long anonymisedLetters = letters.anonymise(order.reference());
            // rewritten, not deleted: the pages of the old versions are freed all the same
            pages.erasedFrom("cases", "cases_versions", "case_letters");
            if (anonymisedLetters > 0) {
                erased.put("case_letters", anonymisedLetters);
            }
        }
        Instant now = clock.instant();
        var answer = new PersonalDataErased(order.reference(), SERVICE, order.runId(), erased, now);
        publisher.publish(BINDING, order.reference(), EventType.PERSONAL_DATA_ERASED.typeName(),
                json.write(EventEnvelope.wrap(answer, now)));
        log.info("complaint {}: triage's records erased for run {} {}", order.reference(), order.runId(), erased);
    }
}
