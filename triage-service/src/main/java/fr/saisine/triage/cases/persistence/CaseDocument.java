package fr.saisine.triage.cases.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import fr.saisine.platform.outbox.OutboxEntry;
import fr.saisine.triage.cases.domain.TriagedCase;

/** A case, with the events that announced its changes (see {@code Outbox}). */
@Document(CaseDocument.COLLECTION)
record CaseDocument(
        @Id String reference,
        TriagedCase state,
        List<OutboxEntry> outbox) {

    static final String COLLECTION = "cases";
}
