package fr.saisine.triage.cases.web;

import java.time.Instant;
import java.util.List;

import fr.saisine.events.Category;
import fr.saisine.events.ComplaintTriaged.Sector;
import fr.saisine.events.Priority;
import fr.saisine.triage.cases.domain.TriagedCase;

/** {@code GET /api/v1/cases/{reference}}: field names are a contract, add but never rename. */
record CaseView(
        String reference,
        String status,
        String statusLabel,
        Sector sector,
        String matchedRule,
        String routingReason,
        Priority priority,
        String priorityReason,
        String subject,
        String respondent,
        Category category,
        Instant submittedAt,
        List<String> related,
        List<HistoryEntry> history) {

    record HistoryEntry(String status, String label, Instant at) {
    }

    static CaseView of(TriagedCase c, List<String> related) {
        return new CaseView(c.reference(), c.status().name(), c.status().label(), c.sector(), c.matchedRule(),
                c.routingReason(), c.priority(), c.priorityReason(), c.subject(), c.respondentName(), c.category(),
                c.submittedAt(), related,
                c.history().stream().map(h -> new HistoryEntry(h.status().name(), h.status().label(), h.at())).toList());
    }
}
