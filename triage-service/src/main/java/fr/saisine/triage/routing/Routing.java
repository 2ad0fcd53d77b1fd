package fr.saisine.triage.routing;

import fr.saisine.events.Priority;

/**
 * Where a complaint goes and why: the rule that matched and, in words, what it matched on;
 * the priority and, when high, what made it so.
 */
public record Routing(String sectorCode, String sectorName, String matchedRule, String reason, Priority priority,
        String priorityReason) {
}
