package fr.saisine.events;

import java.time.Instant;
import java.util.List;

import fr.saisine.events.ComplaintSubmitted.Attachment;

/**
 * The complainant answered the authority's question through their follow-up link. {@code questionVersion}
 * is the case's version that asked it: one answer per question, and an answer to a question no longer
 * open changes nothing. Of the files sent with it, only what describes them: intake keeps the files
 * and serves them to staff under the complaint's reference, as it does the complaint's own.
 */
public record ComplainantAnswered(
        String reference, long questionVersion, String text, String answeredBy, Instant answeredAt,
        List<Attachment> attachments) implements Event {

    public ComplainantAnswered {
        // an answer from before answers took files, or one without any
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** An answer without files. */
    public ComplainantAnswered(String reference, long questionVersion, String text, String answeredBy,
            Instant answeredAt) {
        this(reference, questionVersion, text, answeredBy, answeredAt, List.of());
    }
}
