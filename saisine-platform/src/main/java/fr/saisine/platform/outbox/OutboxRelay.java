package fr.saisine.platform.outbox;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import fr.saisine.platform.events.EventPublisher;
import fr.saisine.platform.polling.PollingWorker;

/**
 * Publishes the events waiting in one collection's outboxes, then clears them. If the process
 * dies between the two, the events are published again on restart: consumers are idempotent,
 * so at-least-once is safe, and nothing is lost.
 */
public final class OutboxRelay extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final String collection;
    private final String binding;
    private final int batchSize;

    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, String collection, String binding,
            OutboxProperties properties) {
        super("outbox-relay-" + collection, properties.pollInterval(), properties.maxBackoff());
        this.mongo = mongo;
        this.publisher = publisher;
        this.collection = collection;
        this.binding = binding;
        this.batchSize = properties.batchSize();
    }

    @Override
    protected void beforeFirstPoll() {
        mongo.indexOps(collection).createIndex(new Index().on(OutboxFields.PENDING, Sort.Direction.ASC));
    }

    @Override
    protected int pollOnce() {
        Query pending = new Query(Criteria.where(OutboxFields.PENDING).is(true)).limit(batchSize);
        pending.fields().include(OutboxFields.OUTBOX, OutboxFields.VERSION);
        List<Document> documents = mongo.find(pending, Document.class, collection);
        for (Document document : documents) {
            for (Document entry : document.getList(OutboxFields.OUTBOX, Document.class, List.of())) {
                publisher.publish(binding, entry.getString("reference"), entry.getString("type"),
                        entry.getString("json"));
            }
            markPublished(document);
        }
        return documents.size();
    }

    private void markPublished(Document document) {
        Query unchanged = new Query(Criteria.where("_id").is(document.get("_id"))
                .and(OutboxFields.VERSION).is(document.get(OutboxFields.VERSION)));
        Update cleared = new Update().set(OutboxFields.OUTBOX, List.of()).set(OutboxFields.PENDING, false)
                .inc(OutboxFields.VERSION, 1);
        if (mongo.updateFirst(unchanged, cleared, collection).getMatchedCount() == 0) {
            // written meanwhile: its outbox now holds more; the next poll publishes it all again
            log.debug("{} {} changed while its events were published", collection, document.get("_id"));
        }
    }
}
