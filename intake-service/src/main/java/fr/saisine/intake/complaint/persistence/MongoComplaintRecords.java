package fr.saisine.intake.complaint.persistence;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.EventEnvelope;
import fr.saisine.intake.complaint.domain.ComplaintRecords;
import fr.saisine.intake.complaint.domain.Reference;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxEntry;
import fr.saisine.platform.outbox.OutboxRelay;

@Component
class MongoComplaintRecords implements ComplaintRecords {

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final OutboxRelay relay;

    MongoComplaintRecords(MongoTemplate mongo, Outbox outbox, OutboxRelay relay) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.relay = relay;
    }

    @Override
    public boolean add(EventEnvelope<ComplaintSubmitted> submitted) {
        OutboxEntry announcement = outbox.prepare(ComplaintDocument.COLLECTION, submitted.reference(), submitted);
        try {
            mongo.insert(ComplaintDocument.of(submitted.payload(), announcement));
        }
        catch (DuplicateKeyException referenceTaken) {
            outbox.discard(announcement);
            return false;
        }
        relay.wakeUp();
        return true;
    }

    @Override
    public Optional<ComplaintSubmitted> find(Reference reference) {
        return Optional.ofNullable(mongo.findById(reference.value(), ComplaintDocument.class))
                .map(ComplaintDocument::filed);
    }
}
