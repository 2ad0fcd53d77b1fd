package fr.saisine.events;

import java.time.Instant;
import java.util.List;

/** Triage put the complaint in a sector's queue; {@code matchedRule} says which rule did. */
public record ComplaintTriaged(
        String reference,
        Instant triagedAt,
        Sector sector,
        String matchedRule,
        Priority priority,
        List<String> relatedReferences) implements Event {

    public record Sector(String code, String name) {
    }
}
