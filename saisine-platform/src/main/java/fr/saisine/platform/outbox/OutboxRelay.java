package fr.saisine.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import fr.saisine.platform.events.EventPublisher;
import fr.saisine.platform.logging.LogSafe;
import fr.saisine.platform.polling.JobLeases;
import fr.saisine.platform.polling.PollingWorker;

/**
 * Publishes the events that {@link Outbox} markers name, oldest first for each complaint, then
 * deletes the batch's markers in one command.
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

    /** Events written a moment apart leave in one batch: one read of the markers, one deletion. */
    @Override
    protected Duration linger() {
        return properties.linger();
    }

    @Override
    protected int batchSize() {
        return properties.batchSize();
    }

    @Override
    protected int pollOnce() {
        if (!leases.held("outbox-relay", properties.relayTerm())) {
            return 0; // another instance relays (JobLeases)
        }
        MongoCollection<Document> pending = mongo.getCollection(Outbox.PENDING);
        List<Document> markers = pending.find().sort(Sorts.ascending("at")).limit(properties.batchSize())
                .into(new ArrayList<>());
        Map<String, Document> outboxes = outboxesOf(markers);
        Map<String, List<Marked>> byReference = new LinkedHashMap<>();
        for (Document marker : markers) {
            String collection = marker.getString("collection");
            String binding = bindingByCollection.get(collection);
            if (binding == null) {
                log.error("outbox marker {} names collection '{}', which has no binding", LogSafe.id(marker.get("_id")),
                        collection);
                continue;
            }
            String documentId = marker.getString("documentId");
            List<Document> stored = outboxes.getOrDefault(collection + "/" + documentId, new Document())
                    .getList(Outbox.FIELD, Document.class, List.of());
            List<Document> entries = new ArrayList<>();
            for (Object eventId : eventIds(marker)) {
                stored.stream().filter(e -> eventId.equals(e.get("eventId"))).findFirst().ifPresent(entries::add);
            }
            if (entries.isEmpty()) {
                dropIfOrphan(pending, marker);
                continue;
            }
            byReference.computeIfAbsent(entries.getFirst().getString("reference"), r -> new ArrayList<>())
                    .add(new Marked(marker.get("_id"), binding, entries));
        }
        List<Object> published = publish(byReference.values());
        if (!published.isEmpty()) {
            pending.deleteMany(Filters.in("_id", published));
        }
        return published.size();
    }

    /** A marker and the events it names, in their order, with the binding of its collection. */
    private record Marked(Object markerId, String binding, List<Document> events) {
    }

    /**
     * Publishes each reference's events in their order, references side by side: a send waits for
     * the broker's acknowledgement (the bindings are sync), and waiting for them one after another
     * would hold the relay to one linger and round trip per event. A reference stops at its first
     * failure, so that none of its later events overtakes it; what was not published stays marked.
     * When nothing could be published (the broker is away), the failure is thrown, and the worker
     * backs off.
     *
     * @return the markers all of whose events were acknowledged
     */
    private List<Object> publish(Collection<List<Marked>> references) {
        List<Object> published = Collections.synchronizedList(new ArrayList<>());
        List<RuntimeException> failures = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor()) {
            for (List<Marked> reference : references) {
                sends.submit(() -> {
                    for (Marked marked : reference) {
                        try {
                            for (Document event : marked.events()) {
                                publisher.publishStored(event.getString("traceparent"),
                                        bindingByType.getOrDefault(event.getString("type"), marked.binding()),
                                        event.getString("reference"), event.getString("type"), event.getString("json"));
                            }
                        }
                        catch (RuntimeException ex) {
                            failures.add(ex);
                            return;
                        }
                        published.add(marked.markerId());
                    }
                });
            }
        }
        if (!failures.isEmpty()) {
            if (published.isEmpty()) {
                throw failures.getFirst();
            }
            log.warn("events of {} complaint(s) not published, tried again at the next poll: {}", failures.size(),
                    LogSafe.describe(failures.getFirst()));
        }
        return published;
    }

    /** The events a marker names: its list, or (a marker of one event, written before lists) its own id. */
    private static List<?> eventIds(Document marker) {
        List<?> ids = marker.getList(Outbox.EVENT_IDS, Object.class);
        return ids == null ? List.of(marker.get("_id")) : ids;
    }

    /**
     * The outboxes of the markers' documents, by collection and id: one read per collection, not one
     * per document. {@code {_id: {$in: [...]}}} is served by MongoDB's {@code _id} index, and by
     * Saisine's build of FerretDB for up to 1,000 ids (docs/ferretdb.md): a batch is at most
     * {@code saisine.outbox.batch-size} markers, 200 by default and never over 1,000 (OutboxProperties).
     * A document not found is not there yet, or never will be ({@link #dropIfOrphan}).
     */
    private Map<String, Document> outboxesOf(List<Document> markers) {
        Map<String, Set<String>> idsByCollection = new LinkedHashMap<>();
        markers.stream().filter(marker -> bindingByCollection.containsKey(marker.getString("collection")))
                .forEach(marker -> idsByCollection.computeIfAbsent(marker.getString("collection"),
                        collection -> new LinkedHashSet<>()).add(marker.getString("documentId")));
        Map<String, Document> outboxes = new HashMap<>();
        idsByCollection.forEach((collection, ids) -> mongo.getCollection(collection).find(Filters.in("_id", ids))
                .projection(Projections.include(Outbox.FIELD))
                .forEach(document -> outboxes.put(collection + "/" + document.get("_id"), document)));
        return outboxes;
    }

    /** A marker without its event: the write is still on its way, or it never happened. */
    private void dropIfOrphan(MongoCollection<Document> pending, Document marker) {
        Instant markedAt = marker.getDate("at").toInstant();
        if (Duration.between(markedAt, clock.instant()).compareTo(properties.orphanAfter()) > 0) {
            log.warn("dropping outbox marker {}: its write to {} {} never happened", LogSafe.id(marker.get("_id")),
                    marker.get("collection"), LogSafe.id(marker.get("documentId")));
            pending.deleteOne(Filters.eq("_id", marker.get("_id")));
        }
    }
}
