package fr.saisine.platform.outbox;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import fr.saisine.platform.tracing.EventTracing;

import fr.saisine.events.EventEnvelope;
import fr.saisine.platform.events.EventJson;

/**
 * The transactional outbox without transactions. Events are stored in the {@code outbox} list of
 * the document whose change they announce, in that change's single-document write; before that
 * write, one small marker in {@code outbox_pending} names the write's events, so the relay finds
 * them by reading the markers (a short list: the backlog) rather than searching the documents (the
 * whole history). One marker per write, whatever the number of its events: a marker is two writes
 * (its insert, and its deletion once published), the largest fixed cost of a change. A marker
 * whose write never happened is dropped by the relay after a grace period.
 */
public final class Outbox {

    public static final String PENDING = "outbox_pending";
    public static final String FIELD = "outbox";
    /** The marker's list of the events it names; a marker without it (older) names its own {@code _id}. */
    static final String EVENT_IDS = "eventIds";

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
     * Marks the events as to be published from the document {@code documentId} of
     * {@code collection}; store the returned entries in that document's {@code outbox}, in the
     * write that makes the change. Nothing is written for no events.
     */
    public List<OutboxEntry> prepare(String collection, String documentId, List<? extends EventEnvelope<?>> events) {
        String traceparent = tracing.current();
        List<OutboxEntry> entries = events.stream().<OutboxEntry>map(e -> OutboxEntry.of(e, json, traceparent)).toList();
        if (!entries.isEmpty()) {
            mongo.getCollection(PENDING).insertOne(new Document("_id", entries.getFirst().eventId())
                    .append(EVENT_IDS, entries.stream().map(OutboxEntry::eventId).toList())
                    .append("collection", collection).append("documentId", documentId)
                    .append("at", Date.from(clock.instant())));
        }
        return entries;
    }

    /** Withdraws the marker of events whose write was refused (a duplicate key, say). */
    public void discard(List<OutboxEntry> entries) {
        if (!entries.isEmpty()) {
            mongo.getCollection(PENDING).deleteOne(new Document("_id", entries.getFirst().eventId()));
        }
    }
}
