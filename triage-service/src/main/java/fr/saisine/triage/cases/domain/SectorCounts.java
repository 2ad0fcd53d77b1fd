package fr.saisine.triage.cases.domain;

import java.util.Map;

/** A sector's cases counted by status (every status, 0 included), and how many are open. */
public record SectorCounts(String code, String name, Map<CaseStatus, Long> byStatus, long open) {
}
