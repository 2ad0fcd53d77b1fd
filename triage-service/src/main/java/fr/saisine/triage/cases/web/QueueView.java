package fr.saisine.triage.cases.web;

import java.time.Instant;
import java.util.List;

import fr.saisine.events.Priority;
import fr.saisine.triage.cases.domain.TriagedCase;

/** {@code GET /api/v1/sectors/{code}/queue}: the sector, its open count, its oldest open cases first. */
record QueueView(Sector sector, long open, List<Entry> cases) {

    record Sector(String code, String name) {
    }

    record Entry(String reference, String status, Priority priority, String subject, String respondent,
            Instant submittedAt) {

        static Entry of(TriagedCase c) {
            return new Entry(c.reference(), c.status().name(), c.priority(), c.subject(), c.respondentName(),
                    c.submittedAt());
        }
    }
}
