package fr.saisine.events;

import java.time.Instant;

/**
 * The complainant answered the authority's question through their follow-up link. {@code questionVersion}
 * is the case's version that asked it: one answer per question, and an answer to a question no longer
 * open changes nothing.
 */
public record ComplainantAnswered(
        String reference, long questionVersion, String text, String answeredBy, Instant answeredAt) implements Event {
}
