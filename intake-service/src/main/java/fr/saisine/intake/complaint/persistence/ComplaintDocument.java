package fr.saisine.intake.complaint.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import fr.saisine.events.Category;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.ComplaintSubmitted.Complainant;
import fr.saisine.events.ComplaintSubmitted.Respondent;
import fr.saisine.events.Language;
import fr.saisine.platform.outbox.OutboxEntry;

/** A complaint as filed, with the event that announced it (see {@code Outbox}). */
@Document(ComplaintDocument.COLLECTION)
record ComplaintDocument(
        @Id String reference,
        Instant submittedAt,
        Complainant complainant,
        Respondent respondent,
        Category category,
        String subject,
        String facts,
        Language language,
        List<OutboxEntry> outbox) {

    static final String COLLECTION = "complaints";

    static ComplaintDocument of(ComplaintSubmitted complaint, OutboxEntry announcement) {
        return new ComplaintDocument(complaint.reference(), complaint.submittedAt(), complaint.complainant(),
                complaint.respondent(), complaint.category(), complaint.subject(), complaint.facts(),
                complaint.language(), List.of(announcement));
    }

    ComplaintSubmitted asFiled() {
        return new ComplaintSubmitted(reference, submittedAt, complainant, respondent, category, subject, facts,
                language);
    }
}
