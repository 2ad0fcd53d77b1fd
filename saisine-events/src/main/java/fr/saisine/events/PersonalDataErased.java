package fr.saisine.events;

import java.time.Instant;
import java.util.Map;

/**
 * One service erased what it held of a complaint, on an {@link ErasureOrdered}: {@code service} is
 * its name ({@code intake}, {@code triage}, {@code notification}), {@code erased} how many records
 * of each kind it erased or anonymised this time (the kinds of docs/retention.md; empty when a
 * repeated order found nothing left). No personal data: counts, never contents.
 */
public record PersonalDataErased(String reference, String service, String runId, Map<String, Long> erased,
        Instant erasedAt) implements Event {
}
