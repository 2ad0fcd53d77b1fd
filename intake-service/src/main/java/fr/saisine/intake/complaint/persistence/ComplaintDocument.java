package fr.saisine.intake.complaint.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.platform.outbox.OutboxEntry;

/** A complaint as filed, with the event that announced it (see {@code Outbox}). */
@Document(ComplaintDocument.COLLECTION)
record ComplaintDocument(@Id String reference, ComplaintSubmitted filed, List<OutboxEntry> outbox) {

    static final String COLLECTION = "complaints";

    static ComplaintDocument of(ComplaintSubmitted complaint, OutboxEntry announcement) {
        return new ComplaintDocument(complaint.reference(), complaint, List.of(announcement));
    }
}
