package fr.saisine.triage.cases.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import fr.saisine.platform.outbox.OutboxEntry;
import fr.saisine.triage.cases.domain.TriagedCase;

/** A case with the events still to publish about it (see {@code OutboxRelay}). */
@Document(CaseDocument.COLLECTION)
record CaseDocument(
        @Id String reference,
        TriagedCase state,
        List<OutboxEntry> outbox,
        boolean outboxPending,
        long version) {

    static final String COLLECTION = "cases";
}
