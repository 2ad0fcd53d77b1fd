package fr.saisine.triage.cases.web;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.triage.cases.domain.TriagedCase;

/**
 * The case page's links to the complainant's files. intake-service keeps the files and serves them
 * to signed-in staff of the case's sector at {@code /cases/{reference}/attachments/{id}}, recording
 * each download: triage only knows what describes them, from the events.
 */
@Component("attachmentLinks")
public class AttachmentLinks {

    private static final Map<String, String> KINDS = Map.of(
            "application/pdf", "PDF",
            "image/jpeg", "JPEG",
            "image/png", "PNG",
            "image/webp", "WebP",
            "text/plain", "texte",
            "application/vnd.oasis.opendocument.text", "ODT",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX",
            "message/rfc822", "courriel");

    private final String intakeUrl;

    AttachmentLinks(@Value("${saisine.dashboard.intake-url}") String intakeUrl) {
        this.intakeUrl = intakeUrl;
    }

    private String download(String reference, Attachment attachment) {
        return UriComponentsBuilder.fromUriString(intakeUrl).path("/cases/{reference}/attachments/{id}")
                .buildAndExpand(reference, attachment.id()).encode().toUriString();
    }

    /** Each file of the case, the complaint's and its answers', by id: where the page links it. */
    Map<String, String> downloads(TriagedCase c) {
        return Stream.concat(c.attachments().stream(), c.history().stream().flatMap(h -> h.attachments().stream()))
                .collect(Collectors.toMap(Attachment::id, a -> download(c.reference(), a), (a, b) -> a));
    }

    /** "PDF, 1,2 Mo": the kind as detected from the content, and the size as a French reader writes it. */
    public String describe(Attachment attachment) {
        return KINDS.getOrDefault(attachment.contentType(), attachment.contentType()) + ", " + size(attachment.size());
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " octets";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.FRENCH, "%.0f ko", bytes / 1024.0);
        }
        return String.format(Locale.FRENCH, "%.1f Mo", bytes / (1024.0 * 1024));
    }
}
