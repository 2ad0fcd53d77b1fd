package fr.saisine.triage.cases.domain;

import java.time.Instant;
import java.util.List;

import fr.saisine.events.Category;
import fr.saisine.events.ComplaintTriaged.Sector;
import fr.saisine.events.Priority;

/** A case as staff see it: where it was routed and why, and its history of statuses. */
public record TriagedCase(
        String reference,
        CaseStatus status,
        Sector sector,
        String matchedRule,
        String routingReason,
        Priority priority,
        String priorityReason,
        String subject,
        String respondentName,
        Category category,
        Instant submittedAt,
        String relatedKey,
        List<StatusChange> history) {

    public record StatusChange(CaseStatus status, Instant at) {
    }
}
