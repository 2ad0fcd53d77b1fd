package fr.saisine.intake.ratelimit.domain;

import java.time.Instant;

/** Slots of a rate limit, each one document claimed by a unique insert of its key. */
public interface RateSlots {

    /** @return false when the slot is taken already */
    boolean claim(String id, Instant expiresAt);
}
