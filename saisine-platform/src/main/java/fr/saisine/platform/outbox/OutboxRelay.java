package fr.saisine.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import fr.saisine.platform.events.EventPublisher;
import fr.saisine.platform.polling.JobLeases;
import fr.saisine.platform.polling.PollingWorker;

/**
 * Publishes the events that {@link Outbox} markers name, oldest first, then deletes each marker.
 * Documents are only read, by {@code _id}: the relay never races a writer. If the process dies
 * between a publish and its marker's deletion, the event is published again on restart:
 * consumers are idempotent, so at-least-once is safe, and nothing is lost.
 */
public final class OutboxRelay extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final Map<String, String> bindingByCollection;
    private final Map<String, String> bindingByType;
    private final OutboxProperties properties;
    private final Clock clock;
    private final JobLeases leases;

    /** @param bindingByCollection where the events stored in each collection are published */
    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, Map<String, String> bindingByCollection,
            OutboxProperties properties, Clock clock, JobLeases leases) {
        this(mongo, publisher, bindingByCollection, Map.of(), properties, clock, leases);
    }

    /**
     * @param bindingByType where the events of these types are published, whatever collection
     *        stores them: a document's change may announce itself on more than one topic (triage's
     *        case summaries go to case-views, its lifecycle events to complaint-events)
     */
    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, Map<String, String> bindingByCollection,
            Map<String, String> bindingByType, OutboxProperties properties, Clock clock, JobLeases leases) {
        super("outbox-relay", properties.pollInterval(), properties.maxBackoff());
        this.mongo = mongo;
        this.publisher = publisher;
        this.bindingByCollection = Map.copyOf(bindingByCollection);
        this.bindingByType = Map.copyOf(bindingByType);
        this.properties = properties;
        this.clock = clock;
        this.leases = leases;
    }

    @Override
    protected int pollOnce() {
        if (!leases.held("outbox-relay", properties.relayTerm())) {
            return 0; // another instance relays (JobLeases)
        }
        MongoCollection<Document> pending = mongo.getCollection(Outbox.PENDING);
        List<Document> markers = pending.find().sort(Sorts.ascending("at")).limit(properties.batchSize())
                .into(new ArrayList<>());
        Map<String, Document> outboxes = new HashMap<>();
        int published = 0;
        for (Document marker : markers) {
            String collection = marker.getString("collection");
            String binding = bindingByCollection.get(collection);
            if (binding == null) {
                log.error("outbox marker {} names collection '{}', which has no binding", marker.get("_id"), collection);
                continue;
            }
            String documentId = marker.getString("documentId");
            Document entry = outboxes.computeIfAbsent(collection + "/" + documentId, k -> outboxOf(collection, documentId))
                    .getList(Outbox.FIELD, Document.class, List.of()).stream()
                    .filter(e -> marker.get("_id").equals(e.get("eventId"))).findFirst().orElse(null);
            if (entry == null) {
                dropIfOrphan(pending, marker);
                continue;
            }
            binding = bindingByType.getOrDefault(entry.getString("type"), binding);
            publisher.publishStored(entry.getString("traceparent"), binding, entry.getString("reference"),
                    entry.getString("type"), entry.getString("json"));
            pending.deleteOne(Filters.eq("_id", marker.get("_id")));
            published++;
        }
        return published;
    }

    private Document outboxOf(String collection, String documentId) {
        Document document = mongo.getCollection(collection).find(Filters.eq("_id", documentId))
                .projection(Projections.include(Outbox.FIELD)).first();
        return document == null ? new Document() : document;
    }

    /** A marker without its event: the write is still on its way, or it never happened. */
    private void dropIfOrphan(MongoCollection<Document> pending, Document marker) {
        Instant markedAt = marker.getDate("at").toInstant();
        if (Duration.between(markedAt, clock.instant()).compareTo(properties.orphanAfter()) > 0) {
            log.warn("dropping outbox marker {}: its write to {} {} never happened", marker.get("_id"),
                    marker.get("collection"), marker.get("documentId"));
            pending.deleteOne(Filters.eq("_id", marker.get("_id")));
        }
    }
}
