package fr.saisine.notification.message.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import fr.saisine.events.Event;
import fr.saisine.events.EventEnvelope;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.store.ByIds;
import fr.saisine.platform.store.Versioned;
import fr.saisine.platform.store.VersionedStore;

/**
 * Messages through the platform's {@link VersionedStore}: queued as version 1, the outcome (SENT
 * or FAILED) the next version, written with its event in one insert. Of two senders recording an
 * outcome (one whose lease ran out), one wins: the event is announced once.
 */
@Component
public class MessageStore {

    public static final String COLLECTION = "messages";

    private final VersionedStore<OutgoingMessage> store;
    private final MongoTemplate mongo;
    private final Clock clock;

    MessageStore(MongoTemplate mongo, Outbox outbox, OutboxRelay messageOutboxRelay, Clock clock) {
        this.store = new VersionedStore<>(mongo, outbox, messageOutboxRelay, COLLECTION, OutgoingMessage.class, clock);
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Where versions before 2026-11-26 stored the follow-up links minted as letters left, each with
     * its event: the relay still publishes what such a version left marked (links are now
     * announced straight to the broker, AnnouncedFollowUpLinks).
     */
    public static String followUpLinks() {
        return "follow_up_links";
    }

    /** Where the relay finds the events of outcomes: the versions after the first. */
    public static String outcomes() {
        return VersionedStore.versionsOf(COLLECTION);
    }

    /** @return false when the same message (the same letter to the same recipient) exists */
    boolean add(OutgoingMessage message) {
        return store.create(message.id(), message, List.of());
    }

    /** @return the ids of those stored already (the same letters to the same recipients), added in one insert */
    Set<String> addAll(List<OutgoingMessage> messages) {
        return store.createAll(messages.stream().map(message -> store.creation(message.id(), message, List.of()))
                .toList());
    }

    public Optional<Versioned<OutgoingMessage>> find(String id) {
        return store.find(id);
    }

    /** The latest version of each of these messages that is stored, by id, read together (VersionedStore#findAll). */
    public Map<String, Versioned<OutgoingMessage>> findAll(Collection<String> ids) {
        return store.findAll(ids);
    }

    /**
     * Records the outcome with its event; false when another sender recorded one first. The head
     * stays at the queued version until someone reads the letter again (a staff member listing
     * them, a redelivery): few letters are, and the read moves it.
     */
    public boolean recordOutcome(Versioned<OutgoingMessage> attempted, OutgoingMessage outcome, Event event) {
        return store.appendLeavingHead(attempted.id(), attempted.version() + 1, outcome,
                List.of(EventEnvelope.wrap(event, clock.instant())));
    }

    /**
     * Notes a failed attempt, to be retried at {@code next}. Written in place: only the sender
     * holding the message's claim writes it, and the outcome, when it comes, carries the count.
     */
    public void attemptFailed(String id, int attempts, Instant next, String error) {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("state.attempts", attempts), Updates.set("state.lastError", error),
                Updates.set("nextAttemptAt", Date.from(next))));
    }

    /**
     * When each of these messages was queued and, if it was tried and failed, when it is due again:
     * the due times under which its attempts were claimed (MailQueue), read from the heads by {@code _id}.
     */
    Map<String, List<Instant>> attemptTimes(Collection<String> ids) {
        Map<String, List<Instant>> times = new LinkedHashMap<>();
        for (Document head : ByIds.read(mongo.getCollection(COLLECTION), ids,
                Projections.include("state.createdAt", "nextAttemptAt"))) {
            List<Instant> known = new ArrayList<>();
            Document state = head.get("state", Document.class);
            if (state != null && state.getDate("createdAt") != null) {
                known.add(state.getDate("createdAt").toInstant());
            }
            if (head.getDate("nextAttemptAt") != null) {
                known.add(head.getDate("nextAttemptAt").toInstant());
            }
            times.put(head.getString("_id"), known);
        }
        return times;
    }

    /** A message has its outcome as version 2, rarely more: versions up to this are deleted with it. */
    static final int MAX_VERSIONS = 8;

    /**
     * Deletes these messages: their versions (the outcomes, whose events name the recipient), then
     * their heads, by {@code _id}. A version whose event is not published yet loses it: its marker
     * is dropped as an orphan by the relay.
     *
     * @return how many messages there were
     */
    long eraseAll(Collection<String> ids) {
        List<String> versions = new ArrayList<>();
        ids.forEach(id -> {
            for (int version = 2; version <= MAX_VERSIONS; version++) {
                versions.add(id + ":" + version);
            }
        });
        deleteByIds(VersionedStore.versionsOf(COLLECTION), versions);
        return deleteByIds(COLLECTION, List.copyOf(ids));
    }

    private long deleteByIds(String collection, List<String> ids) {
        return ByIds.delete(mongo.getCollection(collection), ids);
    }

    /** For tests of crash leftovers: the stored form of a message, as {@link #add} writes it. */
    public static Document storedForm(MongoTemplate mongo, OutgoingMessage message) {
        Document state = new Document();
        mongo.getConverter().write(message, state);
        state.remove("_class");
        return new Document("_id", message.id()).append("version", 1L).append("state", state)
                .append("outbox", List.of()).append("at", new Date());
    }
}
