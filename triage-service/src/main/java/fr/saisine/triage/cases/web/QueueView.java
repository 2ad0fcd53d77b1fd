package fr.saisine.triage.cases.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import fr.saisine.events.Priority;
import fr.saisine.triage.cases.domain.TriagedCase;

/** {@code GET /api/v1/sectors/{code}/queue}: the sector, its open count, its oldest open cases first. */
@Schema(name = "Queue")
record QueueView(@Schema(requiredMode = REQUIRED) Sector sector, @Schema(requiredMode = REQUIRED, description = "how many cases are open") long open,
        @Schema(requiredMode = REQUIRED) List<Entry> cases) {

    @Schema(name = "QueueSector")
    record Sector(@Schema(requiredMode = REQUIRED) String code, @Schema(requiredMode = REQUIRED) String name) {
    }

    @Schema(name = "QueueEntry")
    record Entry(@Schema(requiredMode = REQUIRED) String reference, @Schema(requiredMode = REQUIRED) String status, @Schema(requiredMode = REQUIRED) Priority priority,
            @Schema(requiredMode = REQUIRED) String subject, @Schema(requiredMode = REQUIRED) String respondent, @Schema(requiredMode = REQUIRED) Instant submittedAt) {

        static Entry of(TriagedCase c) {
            return new Entry(c.reference(), c.status().name(), c.priority(), c.subject(), c.respondentName(),
                    c.submittedAt());
        }
    }
}
