package fr.saisine.triage.views.domain;

import java.util.List;

import fr.saisine.events.CaseSummary;

/** One page of a view: the summaries on it and how many there are in all. */
public record ViewPage(List<CaseSummary> items, long total, int page, int size) {

    public List<String> references() {
        return items.stream().map(CaseSummary::reference).toList();
    }
}
