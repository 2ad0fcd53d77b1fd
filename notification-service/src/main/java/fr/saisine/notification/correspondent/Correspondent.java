package fr.saisine.notification.correspondent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.Language;
import fr.saisine.events.Residence;

/**
 * Who to write to about a complaint, and how: kept from its {@code ComplaintSubmitted}, as
 * this service never reads intake's database.
 */
@Document("correspondents")
public record Correspondent(
        @Id String reference,
        Instant submittedAt,
        String complainantName,
        String subject,
        Language language,
        Residence residence,
        List<Recipient> recipients,
        List<Addressee> addressees,
        String organisation,
        String respondentName) {

    public record Recipient(String name, String email) {
    }

    /** A person the letters address by name, with their role in the organisation when they speak for one. */
    public record Addressee(String name, String role) {
    }

    /**
     * Everyone the complaint names with an address: the person, or the organisation and each
     * of its representatives. An address listed twice is written to once.
     */
    public static Correspondent of(ComplaintSubmitted complaint) {
        var complainant = complaint.complainant();
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        if (complainant.email() != null) {
            byAddress.put(key(complainant.email()), new Recipient(complainant.name(), complainant.email()));
        }
        for (var representative : complainant.representatives() == null
                ? List.<ComplaintSubmitted.Representative>of() : complainant.representatives()) {
            if (representative.email() != null) {
                byAddress.putIfAbsent(key(representative.email()),
                        new Recipient(representative.name(), representative.email()));
            }
        }
        List<Addressee> addressees = new ArrayList<>();
        for (var representative : complainant.representatives() == null
                ? List.<ComplaintSubmitted.Representative>of() : complainant.representatives()) {
            addressees.add(new Addressee(representative.name(), representative.role()));
        }
        String organisation = addressees.isEmpty() ? null : complainant.name();
        if (addressees.isEmpty()) {
            addressees.add(new Addressee(complainant.name(), null));
        }
        return new Correspondent(complaint.reference(), complaint.submittedAt(), complainant.name(),
                complaint.subject(), complaint.language(), complainant.residence(), new ArrayList<>(byAddress.values()),
                addressees, organisation, complaint.respondent() == null ? null : complaint.respondent().name());
    }

    /**
     * Who the letters address, together: the representatives, or the person. A complaint stored
     * before the addressees were kept gives its recipients' names.
     */
    public List<Addressee> addresseesOrRecipients() {
        if (addressees != null && !addressees.isEmpty()) {
            return addressees;
        }
        return recipients.stream().map(r -> new Addressee(r.name(), null)).toList();
    }

    public Language languageOrFrench() {
        return language == null ? Language.fr : language;
    }

    public Residence residenceOrMetropolitan() {
        return residence == null ? Residence.METROPOLITAN_FRANCE : residence;
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
