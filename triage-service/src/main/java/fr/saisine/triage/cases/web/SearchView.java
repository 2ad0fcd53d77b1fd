package fr.saisine.triage.cases.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import fr.saisine.events.CaseSummary;
import fr.saisine.triage.views.domain.ViewPage;

/** {@code GET /api/v1/cases?q=}: a page of the caller's sectors' cases that the text finds, newest first. */
@Schema(name = "CaseSearch")
record SearchView(@Schema(requiredMode = REQUIRED) String query,
        @Schema(requiredMode = REQUIRED, description = "how many cases the text finds, on every page") long total,
        @Schema(requiredMode = REQUIRED, description = "this page's number, from 0") int page,
        @Schema(requiredMode = REQUIRED, description = "the page's size asked for") int size,
        @Schema(requiredMode = REQUIRED) List<Entry> cases) {

    static SearchView of(String query, ViewPage found, Map<String, String> sectorNames) {
        return new SearchView(query, found.total(), found.page(), found.size(),
                found.items().stream().map(c -> Entry.of(c, sectorNames)).toList());
    }

    @Schema(name = "CaseSearchEntry")
    record Entry(@Schema(requiredMode = REQUIRED) String reference, @Schema(requiredMode = REQUIRED) String subject,
            @Schema(description = "the complainant's name, or their organisation's; null for cases stored before it was kept",
                    requiredMode = Schema.RequiredMode.NOT_REQUIRED) String complainant,
            @Schema(requiredMode = REQUIRED) String respondent, @Schema(requiredMode = REQUIRED) String status,
            @Schema(requiredMode = REQUIRED) QueueView.Sector sector, @Schema(requiredMode = REQUIRED) Instant submittedAt) {

        static Entry of(CaseSummary c, Map<String, String> sectorNames) {
            return new Entry(c.reference(), c.subject(), c.complainantName(), c.respondentName(), c.status(),
                    new QueueView.Sector(c.sector().code(), sectorNames.getOrDefault(c.sector().code(), c.sector().name())),
                    c.submittedAt());
        }
    }
}
