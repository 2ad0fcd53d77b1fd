package fr.saisine.notification.message.sending;

import static fr.saisine.platform.store.UniqueInserts.insert;
import static fr.saisine.platform.store.UniqueInserts.insertAll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import fr.saisine.notification.message.domain.Messages.TracedLetter;
import fr.saisine.platform.store.ByIds;
import fr.saisine.platform.tracing.EventTracing;

/**
 * The messages waiting to be sent, one small entry each: {@code dueAt} says when. Senders read
 * this short list, not the messages (the whole history). An attempt is held by inserting a claim
 * keyed by the message and the {@code dueAt} the sender saw: an insert on a unique key is the one
 * write FerretDB 1.24 isolates (docs/ferretdb.md), so of two senders, one claim fails. A claim is
 * kept, never released: it is the record of that attempt, and deleting it, or moving the entry
 * out of sight while it is held, cost two writes a letter for nothing the key does not already
 * say. So an entry stays due while it is sent; another sender's insert of the same key fails
 * until the holder finishes (the entry goes), or fails and reschedules it (a new {@code dueAt}, a
 * new key), or dies (its claim, no longer renewed, is taken over once older than the lease).
 * Each instance also remembers which keys it knows to be held, by its own senders or others', so
 * that its senders do not ask the database again before the lease could have run out.
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

    /** Stale claims on one entry in a row: beyond, something else is wrong, and the letter waits for a person. */
    private static final int MAX_TAKEOVERS = 20;
    /** How often the memory of held keys is cleared of those whose lease has run out. */
    private static final Duration FORGET_EVERY = Duration.ofSeconds(1);

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> claims;
    private final EventTracing tracing;
    /** Claim keys (of entries) this instance knows held, and until when at least: Instant.MAX while one of its senders holds one. */
    private final Map<String, Instant> heldUntil = new ConcurrentHashMap<>();
    private volatile Instant forgotAt = Instant.EPOCH;
    private Runnable wakeUp = () -> { };

    MailQueue(MongoTemplate mongo, EventTracing tracing) {
        this.entries = mongo.getCollection(ENTRIES);
        this.claims = mongo.getCollection(CLAIMS);
        this.tracing = tracing;
    }

    /** Queues a message written in the work in progress, whose trace its sending continues: false when it is already queued. */
    public boolean enqueue(String messageId, Instant now) {
        return enqueue(messageId, now, tracing.current());
    }

    /** Queues a message whose sending continues this trace: false when it is already queued. */
    public boolean enqueue(String messageId, Instant now, String traceparent) {
        return insert(entries, entry(messageId, now, traceparent));
    }

    /**
     * Queues these letters in one insert, each due from when it was written and continuing the
     * trace it was written in.
     *
     * @return how many were not queued already
     */
    public int enqueueAll(List<TracedLetter> letters) {
        List<Document> due = letters.stream()
                .map(letter -> entry(letter.message().id(), letter.message().createdAt(), letter.traceparent())).toList();
        return due.size() - insertAll(entries, due).size();
    }

    private static Document entry(String messageId, Instant now, String traceparent) {
        return new Document("_id", messageId).append("queuedAt", Date.from(now)).append("dueAt", Date.from(now))
                .append("traceparent", traceparent);
    }

    public void remove(String messageId) {
        entries.deleteOne(Filters.eq("_id", messageId));
    }

    /**
     * Takes these entries off with one deletion by {@code _id}: {@code $in}, which MongoDB's index
     * serves, and Saisine's build of FerretDB too for up to 1,000 ids (a sender removes at most its
     * claims of one go, eight).
     */
    void removeAll(Collection<String> messageIds) {
        if (!messageIds.isEmpty()) {
            entries.deleteMany(Filters.in("_id", messageIds));
        }
    }

    /**
     * Takes these messages off the queue for good (their complaints are erased: a letter still
     * queued must not leave), and deletes the claims of their attempts whose times are known: at
     * {@code attemptTimes} (when each was queued, its last retry) and at its entry's current due
     * time, each with the takeovers it had. All by {@code _id}, with one command per step for all
     * the messages: the entries read and deleted, the claims read ({@link #heldClaims}) and deleted.
     * A sender holding one of them at this moment has read its letter already and may finish that
     * one send.
     *
     * @return the messages that were still queued
     */
    public Set<String> eraseAll(Map<String, List<Instant>> attemptTimes) {
        if (attemptTimes.isEmpty()) {
            return Set.of();
        }
        Map<String, List<Instant>> times = new LinkedHashMap<>();
        attemptTimes.forEach((id, known) -> times.put(id, new ArrayList<>(known)));
        Set<String> queued = new HashSet<>();
        for (Document entry : ByIds.read(entries, times.keySet(), null)) {
            queued.add(entry.getString("_id"));
            times.get(entry.getString("_id")).add(entry.getDate("dueAt").toInstant());
        }
        ByIds.delete(entries, List.copyOf(times.keySet()));
        List<String> firstClaims = new ArrayList<>();
        times.forEach((id, dueTimes) -> dueTimes.stream().distinct()
                .forEach(dueAt -> firstClaims.add(new Entry(id, dueAt, dueAt, null).claimKey())));
        ByIds.delete(claims, heldClaims(firstClaims));
        return queued;
    }

    /**
     * The claims stored under these first keys, and their takeovers: a takeover {@code #n} is only
     * ever inserted by a sender that found {@code #n-1} (the first claim, for {@code #1}) stale,
     * so each rank is read for the keys found at the rank before. Two reads, mostly (the first
     * claims, and the takeovers of those found, seldom any), where deleting every takeover a key
     * might have had named twenty ids more per claim, each one looked up.
     */
    private List<String> heldClaims(List<String> firstKeys) {
        List<String> held = new ArrayList<>();
        List<String> found = firstKeys;
        for (int takeover = 0; takeover <= MAX_TAKEOVERS && !found.isEmpty(); takeover++) {
            String rank = takeover == 0 ? "" : "#" + takeover;
            Set<String> stored = ByIds.read(claims, found.stream().map(key -> key + rank).toList(),
                    Projections.include("_id")).stream().map(claim -> claim.getString("_id"))
                    .collect(Collectors.toSet());
            found = found.stream().filter(key -> stored.contains(key + rank)).toList();
            found.forEach(key -> held.add(key + rank));
        }
        return held;
    }

    public void wakeUp() {
        wakeUp.run();
    }

    void onEnqueue(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }

    /**
     * Up to {@code limit} due entries, as stored (mostly the order they were queued). Not sorted by {@code dueAt}:
     * FerretDB sorts in its own memory after reading and decoding the whole queue (thousands of
     * entries after a wave, at every poll of every sender), while unsorted it stops reading at the
     * limit. Retries rescheduled later keep their place and are skipped until due.
     */
    List<Entry> due(Instant now, int limit) {
        forgetLapsed(now);
        List<Entry> due = new ArrayList<>();
        for (Document d : entries.find(Filters.lte("dueAt", Date.from(now))).limit(limit)) {
            due.add(new Entry(d.getString("_id"), d.getDate("queuedAt").toInstant(), d.getDate("dueAt").toInstant(),
                    d.getString("traceparent")));
        }
        return due;
    }

    /**
     * Holds this attempt at the entry: the key of the claim, to renew while sending and to let go
     * of after, or null when another sender has it (or had it: the attempt is over).
     */
    String claim(Entry entry, Instant now, Duration lease) {
        return claimAll(List.of(entry), now, lease).get(entry);
    }

    /**
     * Holds these attempts, with one insert of their claims: the entries held, each with the key
     * of its claim, in the order given; an entry another sender has (or had: the attempt is over)
     * is left out. A sender that dies leaves claims it no longer renews: once older than the lease
     * each is taken over by a numbered claim of its own (again a unique insert, so one sender
     * wins), provided the entry is still at that {@code dueAt}, for a claim that old is also what a
     * finished attempt leaves behind to a sender that read the queue before the entry went or moved.
     */
    Map<Entry, String> claimAll(List<Entry> wanted, Instant now, Duration lease) {
        List<Entry> reserved = wanted.stream().filter(entry -> reserve(entry.claimKey(), now)).toList();
        Map<Entry, String> held = new LinkedHashMap<>();
        boolean answered = false;
        try {
            Set<Integer> taken = insertAll(claims, reserved.stream()
                    .map(entry -> claimDocument(entry.claimKey(), now)).toList());
            for (int i = 0; i < reserved.size(); i++) {
                Entry entry = reserved.get(i);
                String key = taken.contains(i) ? takeOver(entry, now, lease) : entry.claimKey();
                if (key != null) {
                    held.put(entry, key);
                }
            }
            answered = true;
            return held;
        }
        finally {
            for (Entry entry : reserved) {
                if (!answered && held.containsKey(entry)) {
                    // claimed, but the caller never learns it: sent by whoever takes the claim over
                    heldUntil.put(entry.claimKey(), now.plus(lease));
                }
                else if (!held.containsKey(entry)) {
                    heldUntil.remove(entry.claimKey(), Instant.MAX);
                }
            }
        }
    }

    /**
     * The entry's first claim is someone else's: null while it is held or once the attempt is
     * over, else the key of a numbered claim taking over from a sender that died.
     */
    private String takeOver(Entry entry, Instant now, Duration lease) {
        for (int takeover = 0; takeover <= MAX_TAKEOVERS; takeover++) {
            String key = takeover == 0 ? entry.claimKey() : entry.claimKey() + "#" + takeover;
            if (takeover > 0 && insert(claims, claimDocument(key, now))) {
                return key;
            }
            Document held = claims.find(Filters.eq("_id", key)).first();
            if (held == null) {
                return null; // deleted by hand, or by an older version of this class: another sender had it
            }
            Instant until = held.getDate("at").toInstant().plus(lease);
            if (until.isAfter(now)) {
                heldUntil.put(entry.claimKey(), until);
                return null; // held now
            }
            if (takeover == 0 && !stillAt(entry)) {
                heldUntil.put(entry.claimKey(), now.plus(lease));
                return null; // the attempt is over: the entry went, or waits for another try
            }
        }
        heldUntil.put(entry.claimKey(), now.plus(lease));
        return null;
    }

    private static Document claimDocument(String key, Instant now) {
        return new Document("_id", key).append("at", Date.from(now));
    }

    /** Whether the entry is still due at the time this sender read. */
    private boolean stillAt(Entry entry) {
        Document current = entries.find(Filters.eq("_id", entry.messageId())).first();
        return current != null && current.getDate("dueAt").toInstant().equals(entry.dueAt());
    }

    /** Takes the key for one of this instance's senders, unless one of them or another instance has it. */
    private boolean reserve(String key, Instant now) {
        boolean[] reserved = { false };
        heldUntil.compute(key, (k, until) -> {
            if (until != null && until.isAfter(now)) {
                return until;
            }
            reserved[0] = true;
            return Instant.MAX;
        });
        return reserved[0];
    }

    /** Moves the claim's time on, so that no other sender takes over an attempt still going. */
    void renew(String claim, Instant now) {
        claims.updateOne(Filters.eq("_id", claim), Updates.set("at", Date.from(now)));
    }

    /**
     * Ends this sender's hold; the claim stays in the database, so the key is remembered as held
     * for a lease more: a sender whose read of the queue predates the end has nothing to ask.
     */
    void letGo(Entry entry, Instant now, Duration lease) {
        heldUntil.put(entry.claimKey(), now.plus(lease));
    }

    void reschedule(String messageId, Instant dueAt) {
        entries.updateOne(Filters.eq("_id", messageId), Updates.set("dueAt", Date.from(dueAt)));
    }

    private void forgetLapsed(Instant now) {
        if (now.isAfter(forgotAt.plus(FORGET_EVERY))) {
            forgotAt = now;
            heldUntil.values().removeIf(until -> !until.isAfter(now));
        }
    }
}
