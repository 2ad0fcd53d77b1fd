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
     * A message as its erasure finds it: its latest version, its kind and outcome as that version
     * says ({@code ACKNOWLEDGEMENT/SENT}), and the due times under which its attempts were claimed
     * (MailQueue): when it was queued and, if it was tried and failed, when it is due again.
     */
    record Found(long version, String letter, List<Instant> attemptTimes) {
    }

    /**
     * These messages as they stand, for their erasure: the heads read by {@code _id}, then the
     * versions after them, rank by rank for those found at the rank before (a letter's outcome
     * is the version after its head, which {@link #recordOutcome} leaves behind; rarely more): two
     * reads mostly, whatever their number, of the few fields counted, not the letters' texts.
     * Unlike {@link #findAll}, no head left behind is moved on, a read and a write each, for
     * heads about to go.
     */
    Map<String, Found> findForErasure(Collection<String> ids) {
        Map<String, Long> versions = new LinkedHashMap<>();
        Map<String, String> letters = new LinkedHashMap<>();
        Map<String, List<Instant>> times = new LinkedHashMap<>();
        for (Document head : ByIds.read(mongo.getCollection(COLLECTION), ids, Projections.include("version",
                "state.kind", "state.status", "state.createdAt", "nextAttemptAt"))) {
            String id = head.getString("_id");
            Document state = head.get("state", Document.class);
            versions.put(id, VersionedStore.versionOf(head));
            letters.put(id, letter(state));
            List<Instant> known = new ArrayList<>();
            if (state != null && state.getDate("createdAt") != null) {
                known.add(state.getDate("createdAt").toInstant());
            }
            if (head.getDate("nextAttemptAt") != null) {
                known.add(head.getDate("nextAttemptAt").toInstant());
            }
            times.put(id, known);
        }
        List<String> following = List.copyOf(versions.keySet());
        while (!following.isEmpty()) {
            Map<String, String> next = new LinkedHashMap<>();
            following.forEach(id -> next.put(id + ":" + (versions.get(id) + 1), id));
            List<String> found = new ArrayList<>();
            for (Document version : ByIds.read(mongo.getCollection(outcomes()), next.keySet(),
                    Projections.include("state.kind", "state.status"))) {
                String id = next.get(version.getString("_id"));
                versions.merge(id, 1L, Long::sum);
                letters.put(id, letter(version.get("state", Document.class)));
                found.add(id);
            }
            following = found;
        }
        Map<String, Found> messages = new LinkedHashMap<>();
        versions.forEach((id, version) -> messages.put(id, new Found(version, letters.get(id), times.get(id))));
        return messages;
    }

    private static String letter(Document state) {
        return state == null ? "UNKNOWN/UNKNOWN" : state.getString("kind") + "/" + state.getString("status");
    }

    /**
     * Deletes these messages: their versions (the outcomes, whose events name the recipient), then
     * their heads, by {@code _id}, one command each for them all. {@code latest} is each message's
     * latest version as read before (0 when none was found): versions 2 up to the one after it go,
     * the one after for an outcome a sender holding the message may have recorded since. A version
     * whose event is not published yet loses it: its marker is dropped as an orphan by the relay.
     *
     * @return how many messages there were
     */
    long eraseAll(Map<String, Long> latest) {
        List<String> versions = new ArrayList<>();
        latest.forEach((id, version) -> {
            for (long each = 2; each <= Math.max(version, 1) + 1; each++) {
                versions.add(id + ":" + each);
            }
        });
        deleteByIds(VersionedStore.versionsOf(COLLECTION), versions);
        return deleteByIds(COLLECTION, List.copyOf(latest.keySet()));
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
