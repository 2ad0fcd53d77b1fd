package fr.saisine.events;

import java.time.Instant;

/**
 * The complainant withdrew the complaint through their follow-up link; triage closes the case with
 * the outcome {@code WITHDRAWN}. {@code closures} is how many times the case had been closed when
 * asked: a case reopened since may be withdrawn again, a second request for the same is a no-op.
 */
public record WithdrawalRequested(
        String reference, int closures, String reason, String requestedBy, Instant requestedAt) implements Event {
}
