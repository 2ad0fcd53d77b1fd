package fr.saisine.intake.complaint.domain;

import java.time.Instant;
import java.util.List;

import fr.saisine.events.ErasureRule;

/**
 * What is left of a complaint whose personal data was erased: that it was, when, under which rule
 * of the schedule and in which run, and the orders answered (their event ids), so that a
 * redelivered order is recognised. Kept under the reference for good: it is what keeps the
 * reference taken (the allocator never gives it again) and what makes reads answer 410.
 */
public record ErasedComplaint(String reference, Instant erasedAt, ErasureRule rule, String runId, List<String> orders) {

    public ErasedComplaint {
        orders = orders == null ? List.of() : List.copyOf(orders);
    }
}
