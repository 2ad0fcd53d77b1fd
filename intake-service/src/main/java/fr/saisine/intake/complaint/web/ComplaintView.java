package fr.saisine.intake.complaint.web;

import java.time.Instant;
import java.util.List;

import fr.saisine.events.Category;
import fr.saisine.events.ComplainantType;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.Language;
import fr.saisine.events.Residence;
import fr.saisine.events.RespondentType;

/**
 * {@code GET /api/v1/complaints/{reference}}: the complaint as filed. Its own type, so that the
 * API and the event can each grow without dragging the other; field names are a contract, add
 * but never rename.
 */
record ComplaintView(
        String reference,
        Instant submittedAt,
        Complainant complainant,
        Respondent respondent,
        Category category,
        String subject,
        String facts,
        Language language) {

    record Complainant(ComplainantType type, String name, String email, List<Representative> representatives,
            PostalAddress postalAddress, Residence residence) {
    }

    record Representative(String name, String role, String email) {
    }

    record PostalAddress(String street, String postalCode, String city, String country) {
    }

    record Respondent(String name, RespondentType type, String activity) {
    }

    static ComplaintView of(ComplaintSubmitted filed) {
        var who = filed.complainant();
        var address = who.postalAddress();
        return new ComplaintView(filed.reference(), filed.submittedAt(),
                new Complainant(who.type(), who.name(), who.email(),
                        who.representatives() == null ? List.of() : who.representatives().stream()
                                .map(r -> new Representative(r.name(), r.role(), r.email())).toList(),
                        new PostalAddress(address.street(), address.postalCode(), address.city(), address.country()),
                        who.residence()),
                new Respondent(filed.respondent().name(), filed.respondent().type(), filed.respondent().activity()),
                filed.category(), filed.subject(), filed.facts(), filed.language());
    }
}
