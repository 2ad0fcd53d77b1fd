package fr.saisine.intake.ratelimit.domain;

import java.time.Instant;

/** Slots of a rate limit, each one document claimed by a unique insert of its key. */
public interface RateSlots {

    /** @return false when the slot is taken already */
    boolean claim(String id, Instant expiresAt);

    /**
     * Deletes up to {@code limit} slots whose window ended before {@code windowEndedBefore}: their
     * {@code _id} holds a client's address, and once their window is over they count nothing.
     *
     * @return how many were deleted
     */
    long purge(Instant windowEndedBefore, int limit);
}
