package fr.saisine.intake.complaint.persistence;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.EventEnvelope;
import fr.saisine.intake.complaint.domain.ComplaintRecords;
import fr.saisine.intake.complaint.domain.Reference;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.store.Versioned;
import fr.saisine.platform.store.VersionedStore;

/**
 * Complaints as filed, through the platform's {@link VersionedStore}: the complaint and its
 * {@code ComplaintSubmitted} in one insert, unique on the reference, which is what makes a
 * reference taken.
 */
@Component
class MongoComplaintRecords implements ComplaintRecords {

    static final String COLLECTION = "complaints";

    private final VersionedStore<ComplaintSubmitted> store;

    MongoComplaintRecords(MongoTemplate mongo, Outbox outbox, OutboxRelay relay, Clock clock) {
        this.store = new VersionedStore<>(mongo, outbox, relay, COLLECTION, ComplaintSubmitted.class, clock);
    }

    @Override
    public boolean add(EventEnvelope<ComplaintSubmitted> submitted) {
        return store.create(submitted.reference(), submitted.payload(), List.of(submitted));
    }

    @Override
    public Optional<ComplaintSubmitted> find(Reference reference) {
        return store.find(reference.value()).map(Versioned::state);
    }
}
