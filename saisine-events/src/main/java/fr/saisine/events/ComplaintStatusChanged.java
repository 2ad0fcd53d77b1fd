package fr.saisine.events;

import java.time.Instant;

/**
 * A case moved from one status to another. {@code version} is the case's own sequence (1 when
 * triaged, +1 per change), so a consumer ignores an event older than what it has. A closure
 * carries its {@code outcome} (and {@code referredTo} for a referral), a request for information
 * its {@code question}; {@code letter} is an optional paragraph staff wrote for the complainant.
 * A change the complainant made through their follow-up link has them as {@code actor}
 * ({@link StaffActor#complainant}) and carries their {@code answer} (back to UNDER_REVIEW) or their
 * {@code withdrawalReason} (closed, WITHDRAWN; the reason may be null).
 */
public record ComplaintStatusChanged(
        String reference,
        long version,
        ComplaintStatus from,
        ComplaintStatus to,
        ClosureOutcome outcome,
        String referredTo,
        String question,
        String letter,
        StaffActor actor,
        ComplaintTriaged.Sector sector,
        Instant occurredAt,
        String answer,
        String withdrawalReason) implements Event {

    /** A change by staff: neither an answer nor a withdrawal. */
    public ComplaintStatusChanged(String reference, long version, ComplaintStatus from, ComplaintStatus to,
            ClosureOutcome outcome, String referredTo, String question, String letter, StaffActor actor,
            ComplaintTriaged.Sector sector, Instant occurredAt) {
        this(reference, version, from, to, outcome, referredTo, question, letter, actor, sector, occurredAt, null, null);
    }
}
