package fr.saisine.triage.cases.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import fr.saisine.events.CaseSummary;
import fr.saisine.events.Priority;
import fr.saisine.triage.cases.domain.SectorQueue;

/** {@code GET /api/v1/sectors/{code}/queue}: the sector, its open count, a page of the cases the filters list, oldest first. */
@Schema(name = "Queue")
record QueueView(@Schema(requiredMode = REQUIRED) Sector sector, @Schema(requiredMode = REQUIRED, description = "how many cases are open") long open,
        @Schema(requiredMode = REQUIRED, description = "how many cases the filters list, on every page") long total,
        @Schema(requiredMode = REQUIRED, description = "this page's number, from 0") int page,
        @Schema(requiredMode = REQUIRED, description = "the page's size asked for") int size,
        @Schema(requiredMode = REQUIRED) List<Entry> cases) {

    static QueueView of(SectorQueue queue) {
        return new QueueView(new Sector(queue.code(), queue.name()), queue.open(), queue.total(), queue.page().page(),
                queue.page().size(), queue.oldest().stream().map(Entry::of).toList());
    }

    @Schema(name = "QueueSector")
    record Sector(@Schema(requiredMode = REQUIRED) String code, @Schema(requiredMode = REQUIRED) String name) {
    }

    @Schema(name = "QueueEntry")
    record Entry(@Schema(requiredMode = REQUIRED) String reference, @Schema(requiredMode = REQUIRED) String status, @Schema(requiredMode = REQUIRED) Priority priority,
            @Schema(requiredMode = REQUIRED) String subject, @Schema(requiredMode = REQUIRED) String respondent, @Schema(requiredMode = REQUIRED) Instant submittedAt) {

        static Entry of(CaseSummary c) {
            return new Entry(c.reference(), c.status(), c.priority(), c.subject(), c.respondentName(), c.submittedAt());
        }
    }
}
