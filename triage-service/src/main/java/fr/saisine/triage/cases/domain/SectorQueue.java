package fr.saisine.triage.cases.domain;

import java.util.List;

import fr.saisine.events.CaseSummary;
import fr.saisine.triage.views.domain.ViewPage;

/** A sector's queue as staff see it: its open count, and one page of the cases a filter lists, oldest first. */
public record SectorQueue(String code, String name, long open, ViewPage page) {

    /** The cases on the page, oldest first. */
    public List<CaseSummary> oldest() {
        return page.items();
    }

    /** How many cases the filter lists, on every page. */
    public long total() {
        return page.total();
    }

    List<String> references() {
        return page.references();
    }
}
