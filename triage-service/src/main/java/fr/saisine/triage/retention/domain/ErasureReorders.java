package fr.saisine.triage.retention.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.saisine.events.ErasureOrdered;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.EventType;
import fr.saisine.platform.events.EventJson;
import fr.saisine.platform.events.EventPublisher;
import fr.saisine.triage.retention.RetentionProperties;

/**
 * Publishes again the orders of a run that some service has not answered within
 * {@code saisine.retention.reorder-after} (a service down, an event lost in a dead-letter topic):
 * every service erases idempotently and answers again, so a repeat costs a little work, never a
 * second erasure. A run answered in full is marked complete and looked at no more.
 */
@Service
public class ErasureReorders {

    private static final Logger log = LoggerFactory.getLogger(ErasureReorders.class);

    private final Eliminations eliminations;
    private final EventPublisher publisher;
    private final EventJson json;
    private final RetentionProperties properties;
    private final Clock clock;

    ErasureReorders(Eliminations eliminations, EventPublisher publisher, EventJson json,
            RetentionProperties properties, Clock clock) {
        this.eliminations = eliminations;
        this.publisher = publisher;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many orders were published again */
    public int check() {
        int reordered = 0;
        for (String runId : eliminations.incomplete()) {
            EliminationRecord run = eliminations.find(runId).orElse(null);
            if (run == null) {
                continue;
            }
            Instant now = clock.instant();
            Instant last = run.lastOrderedAt() != null ? run.lastOrderedAt()
                    : run.finishedAt() != null ? run.finishedAt() : run.startedAt();
            boolean quiet = !last.plus(properties.reorderAfter()).isAfter(now);
            if (run.finishedAt() == null && !quiet) {
                // still running; a run that died in the middle falls quiet, and its orders are followed like the others'
                continue;
            }
            Set<String> unanswered = new HashSet<>();
            run.unanswered().values().forEach(unanswered::addAll);
            List<String> missing = run.erased().stream().filter(unanswered::contains).toList();
            if (missing.isEmpty()) {
                eliminations.markComplete(runId, now);
                log.info("retention run {}: every service answered for its {} case(s)", runId, run.erased().size());
                continue;
            }
            if (!quiet) {
                continue;
            }
            for (String reference : missing) {
                var order = new ErasureOrdered(reference, run.rule(), runId, now);
                publisher.publish(TriageErasure.BINDING, reference, EventType.ERASURE_ORDERED.typeName(),
                        json.write(EventEnvelope.wrap(order, now)));
            }
            eliminations.markReordered(runId, now);
            reordered += missing.size();
            Map<String, Integer> waiting = new TreeMap<>();
            run.unanswered().forEach((service, refs) -> {
                if (!refs.isEmpty()) {
                    waiting.put(service, refs.size());
                }
            });
            log.warn("retention run {}: {} order(s) not answered within {} (unanswered by service: {}), published again",
                    runId, missing.size(), properties.reorderAfter(), waiting);
        }
        return reordered;
    }
}
