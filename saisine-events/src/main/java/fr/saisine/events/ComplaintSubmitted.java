package fr.saisine.events;

import java.time.Instant;
import java.util.List;

/**
 * A complaint was filed and given its reference. Carries the complaint as filed, so that
 * triage can route it and notification can write to everyone it names; of its attachments, only
 * what describes them (the files stay in intake, which serves them to staff).
 */
public record ComplaintSubmitted(
        String reference,
        Instant submittedAt,
        Complainant complainant,
        Respondent respondent,
        Category category,
        String subject,
        String facts,
        Language language,
        List<Attachment> attachments) implements Event {

    public ComplaintSubmitted {
        // an event from before attachments, or a complaint without any
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A complaint without attachments: as the event was before they existed. */
    public ComplaintSubmitted(String reference, Instant submittedAt, Complainant complainant, Respondent respondent,
            Category category, String subject, String facts, Language language) {
        this(reference, submittedAt, complainant, respondent, category, subject, facts, language, List.of());
    }

    public record Complainant(
            ComplainantType type,
            String name,
            String email,
            List<Representative> representatives,
            PostalAddress postalAddress,
            Residence residence) {
    }

    public record Representative(String name, String role, String email) {
    }

    public record PostalAddress(String street, String postalCode, String city, String country) {
    }

    public record Respondent(String name, RespondentType type, String activity) {
    }

    /**
     * A file sent with the complaint: {@code contentType} as detected from its content,
     * {@code filename} as made safe to show, {@code sha256} in lower-case hex.
     */
    public record Attachment(String id, String filename, String contentType, long size, String sha256) {
    }
}
