package fr.saisine.events;

import java.time.Instant;

import fr.saisine.events.ComplaintTriaged.Sector;

/**
 * What staff views show of a case at one version: published by triage on
 * {@link Topics#CASE_VIEWS} for every version it stores, so that the latest per reference, kept by
 * compaction, rebuilds the sector queues, counts and search of any triage instance. {@code status}
 * is the case's status name (triage's statuses, which are more than {@link ComplaintStatus}); a
 * reader keeps a summary only if its {@code version} is greater than the one it holds.
 * {@code relatedKey} is shared by the complaints about the same organisation and subject: what
 * lists a case's related complaints (null in summaries published before it was sent).
 */
public record CaseSummary(
        String reference,
        long version,
        Sector sector,
        String status,
        StaffActor assignee,
        Priority priority,
        Category category,
        Instant submittedAt,
        String subject,
        String complainantName,
        String respondentName,
        Instant updatedAt,
        String relatedKey) implements Event {
}
