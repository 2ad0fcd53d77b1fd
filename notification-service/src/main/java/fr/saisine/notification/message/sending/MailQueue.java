package fr.saisine.notification.message.sending;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import fr.saisine.platform.tracing.EventTracing;

/**
 * The messages waiting to be sent, one small entry each: {@code dueAt} says when. Senders read
 * this short list, not the messages (the whole history). An entry is held by inserting a claim
 * keyed by the message and the {@code dueAt} the sender saw: an insert on a unique key is the one
 * write FerretDB 1.24 isolates (docs/ferretdb.md), so of two senders, one claim fails.
 */
public final class MailQueue {

    static final String ENTRIES = "mail_queue";
    static final String CLAIMS = "mail_claims";

    /**
     * An entry: which message, since when it waits, when it is next due, and the trace of the work
     * that queued it, which its sending continues.
     */
    record Entry(String messageId, Instant queuedAt, Instant dueAt, String traceparent) {

        String claimKey() {
            return messageId + "@" + dueAt.toEpochMilli();
        }
    }

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> claims;
    private final EventTracing tracing;
    private Runnable wakeUp = () -> { };

    MailQueue(MongoTemplate mongo, EventTracing tracing) {
        this.entries = mongo.getCollection(ENTRIES);
        this.claims = mongo.getCollection(CLAIMS);
        this.tracing = tracing;
    }

    /** @return false when the message is already queued */
    public boolean enqueue(String messageId, Instant now) {
        return insert(entries, new Document("_id", messageId).append("queuedAt", Date.from(now))
                .append("dueAt", Date.from(now)).append("traceparent", tracing.current()));
    }

    public void remove(String messageId) {
        entries.deleteOne(Filters.eq("_id", messageId));
    }

    public void wakeUp() {
        wakeUp.run();
    }

    void onEnqueue(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    List<Entry> due(Instant now, int limit) {
        List<Entry> due = new ArrayList<>();
        for (Document d : entries.find(Filters.lte("dueAt", Date.from(now))).sort(Sorts.ascending("dueAt")).limit(limit)) {
            due.add(new Entry(d.getString("_id"), d.getDate("queuedAt").toInstant(), d.getDate("dueAt").toInstant(),
                    d.getString("traceparent")));
        }
        return due;
    }

    /**
     * Holds the entry until {@code holdUntil}: the key of the claim to release, or null when another
     * sender holds it. A sender that dies between its claim and the entry's new {@code dueAt} leaves
     * a claim on a {@code dueAt} the entry still has: a claim older than the lease is taken over by
     * a numbered claim of its own (again a unique insert, so one sender wins), rather than
     * holding the letter for ever.
     */
    String claim(Entry entry, Instant now, Duration lease) {
        for (int takeover = 0; takeover <= MAX_TAKEOVERS; takeover++) {
            String key = takeover == 0 ? entry.claimKey() : entry.claimKey() + "#" + takeover;
            if (insert(claims, new Document("_id", key).append("at", Date.from(now)))) {
                reschedule(entry.messageId(), now.plus(lease));
                return key;
            }
            Document held = claims.find(Filters.eq("_id", key)).first();
            if (held == null || held.getDate("at").toInstant().plus(lease).isAfter(now)) {
                return null; // held now, or released a moment ago: another sender has it
            }
        }
        return null;
    }

    /** Stale claims on one entry in a row: beyond, something else is wrong, and the letter waits for a person. */
    private static final int MAX_TAKEOVERS = 20;

    void reschedule(String messageId, Instant dueAt) {
        entries.updateOne(Filters.eq("_id", messageId), Updates.set("dueAt", Date.from(dueAt)));
    }

    void release(String claimKey) {
        claims.deleteOne(Filters.eq("_id", claimKey));
    }

    private static boolean insert(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        }
        catch (MongoWriteException ex) {
            if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw ex;
        }
    }
}
