package fr.saisine.platform.outbox;

import java.time.Clock;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import fr.saisine.platform.tracing.EventTracing;

import fr.saisine.events.EventEnvelope;
import fr.saisine.platform.events.EventJson;

/**
 * The transactional outbox without transactions. An event is stored in the {@code outbox} list of
 * the document whose change it announces, in that change's single-document write; before that
 * write, a small marker in {@code outbox_pending} names the event, so the relay finds it by
 * reading the markers (a short list: the backlog) rather than searching the documents (the whole
 * history). A marker whose write never happened is dropped by the relay after a grace period.
 */
public final class Outbox {

    public static final String PENDING = "outbox_pending";
    public static final String FIELD = "outbox";

    private final MongoTemplate mongo;
    private final EventJson json;
    private final Clock clock;
    private final EventTracing tracing;

    public Outbox(MongoTemplate mongo, EventJson json, Clock clock, EventTracing tracing) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
        this.tracing = tracing;
    }

    /**
     * Marks the event as to be published from the document {@code documentId} of
     * {@code collection}; store the returned entry in that document's {@code outbox}, in the
     * write that makes the change.
     */
    public OutboxEntry prepare(String collection, String documentId, EventEnvelope<?> event) {
        OutboxEntry entry = OutboxEntry.of(event, json, tracing.current());
        mongo.getCollection(PENDING).insertOne(new Document("_id", entry.eventId())
                .append("collection", collection).append("documentId", documentId)
                .append("at", Date.from(clock.instant())));
        return entry;
    }

    /** Withdraws the marker of an event whose write was refused (a duplicate key, say). */
    public void discard(OutboxEntry entry) {
        mongo.getCollection(PENDING).deleteOne(new Document("_id", entry.eventId()));
    }
}
