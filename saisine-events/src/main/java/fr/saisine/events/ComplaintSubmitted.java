package fr.saisine.events;

import java.time.Instant;
import java.util.List;

/**
 * A complaint was filed and given its reference. Carries the complaint as filed, so that
 * triage can route it and notification can write to everyone it names.
 */
public record ComplaintSubmitted(
        String reference,
        Instant submittedAt,
        Complainant complainant,
        Respondent respondent,
        Category category,
        String subject,
        String facts,
        Language language) implements Event {

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
}
