package fr.saisine.triage.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import fr.saisine.events.Category;
import fr.saisine.events.RespondentType;

/** The sectors, the ordered routing rules and what makes a case urgent ({@code saisine.triage.*}). */
@ConfigurationProperties("saisine.triage")
public record TriageProperties(
        Map<String, String> sectors,
        String fallbackSector,
        @DefaultValue List<Rule> rules,
        @DefaultValue HighPriority highPriority) {

    public TriageProperties {
        if (sectors == null || sectors.isEmpty()) {
            throw new IllegalArgumentException("saisine.triage.sectors: at least one sector is needed");
        }
        if (!sectors.containsKey(fallbackSector)) {
            throw new IllegalArgumentException("saisine.triage.fallback-sector '" + fallbackSector
                    + "' is not one of the sectors " + sectors.keySet());
        }
        for (Rule rule : rules) {
            if (!sectors.containsKey(rule.sector())) {
                throw new IllegalArgumentException("saisine.triage.rules: rule '" + rule.name()
                        + "' routes to '" + rule.sector() + "', which is not one of the sectors " + sectors.keySet());
            }
        }
    }

    public record Rule(
            String name,
            String sector,
            @DefaultValue Set<Category> categories,
            @DefaultValue Set<RespondentType> respondentTypes,
            @DefaultValue List<String> keywords) {
    }

    public record HighPriority(@DefaultValue Set<Category> categories, @DefaultValue List<String> keywords) {
    }
}
