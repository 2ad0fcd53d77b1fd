package fr.saisine.intake.complaint.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A submission key as stored: who holds it ({@code attempt}: 0 for the first claim, n after the
 * n-th takeover), since when, for which request (its fingerprint), and, once filed, the answer.
 */
public record KeyClaim(String id, Status status, String fingerprint, Instant claimedAt, Instant expiresAt,
        int attempt, SubmittedComplaint submitted) {

    public enum Status {
        IN_FLIGHT, COMPLETED
    }

    static KeyClaim claim(String id, String fingerprint, Instant now, Duration ttl, int attempt) {
        return new KeyClaim(id, Status.IN_FLIGHT, fingerprint, now, now.plus(ttl), attempt, null);
    }

    /** Past its time to live the key is forgotten: a request may use it afresh. */
    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Held so long that its holder must have died: another request may take it over. */
    boolean stale(Instant now, Duration inFlightTimeout) {
        return status == Status.IN_FLIGHT && !now.isBefore(claimedAt.plus(inFlightTimeout));
    }
}
