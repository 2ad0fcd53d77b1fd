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
        List<Recipient> recipients) {

    public record Recipient(String name, String email) {
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
        return new Correspondent(complaint.reference(), complaint.submittedAt(), complainant.name(),
                complaint.subject(), complaint.language(), complainant.residence(), new ArrayList<>(byAddress.values()));
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
