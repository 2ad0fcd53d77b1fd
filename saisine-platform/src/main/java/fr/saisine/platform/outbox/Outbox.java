package fr.saisine.platform.outbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.WriteModel;

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
        List<OutboxEntry> entries = entries(events);
        markAll(collection, Map.of(documentId, entries));
        return entries;
    }

    /**
     * The entries of these events, carrying the trace of the work in progress, which their
     * publishing continues: nothing is written until {@link #markAll}.
     */
    public List<OutboxEntry> entries(List<? extends EventEnvelope<?>> events) {
        String traceparent = tracing.current();
        return events.stream().<OutboxEntry>map(e -> OutboxEntry.of(e, json, traceparent)).toList();
    }

    /** Marks the entries of several documents' writes, one marker each, in one insert. */
    public void markAll(String collection, Map<String, List<OutboxEntry>> entriesByDocument) {
        List<Document> markers = new ArrayList<>();
        entriesByDocument.forEach((documentId, entries) -> {
            if (!entries.isEmpty()) {
                markers.add(new Document("_id", entries.getFirst().eventId())
                        .append(EVENT_IDS, entries.stream().map(OutboxEntry::eventId).toList())
                        .append("collection", collection).append("documentId", documentId)
                        .append("at", Date.from(clock.instant())));
            }
        });
        if (!markers.isEmpty()) {
            mongo.getCollection(PENDING).insertMany(markers, new InsertManyOptions().ordered(false));
        }
    }

    /** Withdraws the marker of events whose write was refused (a duplicate key, say). */
    public void discard(List<OutboxEntry> entries) {
        discardAll(List.of(entries));
    }

    /** Withdraws the markers of several refused writes, in one command of one deletion by {@code _id} each. */
    public void discardAll(Collection<List<OutboxEntry>> refused) {
        List<WriteModel<Document>> deletions = refused.stream().filter(entries -> !entries.isEmpty())
                .<WriteModel<Document>>map(entries -> new DeleteOneModel<>(Filters.eq("_id", entries.getFirst().eventId())))
                .toList();
        if (!deletions.isEmpty()) {
            mongo.getCollection(PENDING).bulkWrite(deletions, new BulkWriteOptions().ordered(false));
        }
    }
}
