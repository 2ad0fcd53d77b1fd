package fr.saisine.events;

import java.time.Instant;

/**
 * Triage, which holds each case's lifecycle, orders the erasure of one complaint's personal data
 * in every service. Each service erases what it holds of {@code reference}, keeping only what the
 * statistics need, and answers with {@link PersonalDataErased}. Idempotent: an order for a complaint
 * already erased changes nothing and is answered again, so that triage may repeat an order that got
 * no answer (a service that was down erases when it comes back). {@code runId} names the retention
 * run (or the DPO's decision) whose elimination record lists the complaint.
 */
public record ErasureOrdered(String reference, ErasureRule rule, String runId, Instant orderedAt) implements Event {
}
