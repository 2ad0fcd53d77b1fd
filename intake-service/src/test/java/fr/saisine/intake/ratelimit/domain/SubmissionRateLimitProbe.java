package fr.saisine.intake.ratelimit.domain;

import java.time.Clock;

/** A rate limit as another instance would hold it: the same database, none of this one's memory. */
public final class SubmissionRateLimitProbe {

    private SubmissionRateLimitProbe() {
    }

    public static SubmissionRateLimit fresh(RateSlots slots, String setting) {
        return new SubmissionRateLimit(slots, setting, Clock.systemUTC());
    }
}
