package fr.saisine.triage.cases.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import fr.saisine.triage.cases.domain.SectorCounts;

/** {@code GET /api/v1/sectors/counts}: each of the caller's sectors, its cases counted by status. */
@Schema(name = "SectorCounts")
record CountsView(@Schema(requiredMode = REQUIRED) List<Sector> sectors) {

    static CountsView of(List<SectorCounts> counts) {
        return new CountsView(counts.stream().map(Sector::of).toList());
    }

    @Schema(name = "SectorCount")
    record Sector(@Schema(requiredMode = REQUIRED) QueueView.Sector sector,
            @Schema(requiredMode = REQUIRED, description = "how many cases are open (not closed)") long open,
            @Schema(requiredMode = REQUIRED, description = "how many cases are in each status, every status named")
            Map<String, Long> byStatus) {

        static Sector of(SectorCounts counts) {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            counts.byStatus().forEach((status, count) -> byStatus.put(status.name(), count));
            return new Sector(new QueueView.Sector(counts.code(), counts.name()), counts.open(), byStatus);
        }
    }
}
