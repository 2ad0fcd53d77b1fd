package fr.saisine.triage.cases.domain;

import java.util.List;

/** A sector's queue as staff see it: its open count and its oldest open cases. */
public record SectorQueue(String code, String name, long open, List<TriagedCase> oldest) {

    List<String> references() {
        return oldest.stream().map(TriagedCase::reference).toList();
    }
}
