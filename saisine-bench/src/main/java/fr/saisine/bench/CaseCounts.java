package fr.saisine.bench;

import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The cases that {@code GET /api/v1/sectors/counts} shows the caller: every count given for a case
 * status, whether as {@code {"TRIAGED": 12}} or {@code {"status": "TRIAGED", "count": 12}}, wherever
 * it sits in the answer; totals and open counts are not added twice since they are not statuses.
 */
final class CaseCounts {

    static final Set<String> STATUSES = Set.of("SUBMITTED", "TRIAGED", "UNDER_REVIEW", "INFORMATION_REQUESTED",
            "INTERVENTION", "CLOSED", "REOPENED");

    private CaseCounts() {
    }

    static long total(JsonNode node) {
        long total = 0;
        if (node.isObject()) {
            if (node.path("status").isString() && STATUSES.contains(node.path("status").asString())
                    && node.path("count").isNumber()) {
                return node.path("count").asLong();
            }
            for (var field : node.properties()) {
                if (STATUSES.contains(field.getKey()) && field.getValue().isNumber()) {
                    total += field.getValue().asLong();
                }
                else {
                    total += total(field.getValue());
                }
            }
        }
        else if (node.isArray()) {
            for (JsonNode element : node) {
                total += total(element);
            }
        }
        return total;
    }
}
