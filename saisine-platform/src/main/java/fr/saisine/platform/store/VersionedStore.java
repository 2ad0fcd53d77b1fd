package fr.saisine.platform.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import fr.saisine.events.EventEnvelope;
import fr.saisine.platform.logging.LogSafe;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxEntry;
import fr.saisine.platform.polling.PollingWorker;

/**
 * "A document and the events that announce its change, written at once, versioned by unique
 * insert": the one write path of every service. Each version is a document of its own whose
 * {@code _id} names it ({@code <id>} for the first, in the head collection; {@code <id>:<n>} after,
 * in {@code <collection>_versions}), holding the whole state and its {@link Outbox} entries. The
 * insert against that unique {@code _id} is atomic on FerretDB as on MongoDB (docs/ferretdb.md),
 * so of two writers of the same version exactly one wins and the other learns it: a stale request
 * (412), or a redelivery (a no-op). Nothing else needs isolation.
 * <p>
 * The head document ({@code _id} = id, in {@code <collection>}) carries the latest state, for
 * reads by {@code _id} and the queries of staff views. Moving it forward is a secondary write
 * that may be lost to a crash or a race; every read repairs it, by looking for the version after
 * the head's, so a reader never sees less than the latest change.
 */
public final class VersionedStore<S> {

    private static final Logger log = LoggerFactory.getLogger(VersionedStore.class);

    static final String STATE = "state";
    static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final PollingWorker relay;
    private final Class<S> type;
    private final Clock clock;
    private final String headCollection;
    private final String versionCollection;

    /** @param relay woken after each write, so that the events leave at once */
    public VersionedStore(MongoTemplate mongo, Outbox outbox, PollingWorker relay, String collection, Class<S> type,
            Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.relay = relay;
        this.type = type;
        this.clock = clock;
        this.headCollection = collection;
        this.versionCollection = versionsOf(collection);
    }

    /** Where versions after the first are kept: what the outbox relay must also read. */
    public static String versionsOf(String collection) {
        return collection + "_versions";
    }

    /**
     * Writes version 1 of the document, with its events.
     *
     * @return false when the document exists already: another writer, or a redelivery
     */
    public boolean create(String id, S state, List<? extends EventEnvelope<?>> events) {
        List<OutboxEntry> entries = outbox.prepare(headCollection, id, events);
        return insert(heads(), firstVersion(id, state, entries), entries);
    }

    /**
     * Version 1 of a document and its events, made ready in the work in progress (whose trace the
     * events' publishing continues), to be written with others by {@link #createAll}.
     */
    public record Creation<S>(String id, S state, List<OutboxEntry> entries) {
    }

    /** Prepares a {@link Creation}; nothing is written. */
    public Creation<S> creation(String id, S state, List<? extends EventEnvelope<?>> events) {
        return new Creation<>(id, state, outbox.entries(events));
    }

    /**
     * Writes version 1 of several documents, with their events: their markers in one insert, the
     * documents in another. A document that exists already is left as it is and its marker
     * withdrawn; one given twice is created once, from the first.
     *
     * @return the ids of those that existed already: other writers, or a redelivery
     */
    public Set<String> createAll(List<Creation<S>> given) {
        // the same document twice (a redelivery within one poll): its first creation stands
        Map<String, Creation<S>> byId = new LinkedHashMap<>();
        given.forEach(creation -> byId.putIfAbsent(creation.id(), creation));
        List<Creation<S>> creations = List.copyOf(byId.values());
        if (creations.isEmpty()) {
            return Set.of();
        }
        Map<String, List<OutboxEntry>> entries = new LinkedHashMap<>();
        creations.forEach(creation -> entries.put(creation.id(), creation.entries()));
        outbox.markAll(headCollection, entries);
        Set<Integer> taken = insertAll(heads(), creations.stream()
                .map(creation -> firstVersion(creation.id(), creation.state(), creation.entries())).toList(),
                List.copyOf(entries.values()));
        return taken.stream().map(i -> creations.get(i).id()).collect(Collectors.toSet());
    }

    private Document firstVersion(String id, S state, List<OutboxEntry> entries) {
        return new Document("_id", id).append(VERSION, 1L).append(STATE, write(state))
                .append(Outbox.FIELD, documents(entries)).append("at", Date.from(clock.instant()));
    }

    /**
     * Writes {@code version} (the one after what the caller read) of an existing document, with
     * its events, then moves the head forward.
     *
     * @return false when that version exists already: the caller's read was stale, or this is a
     *         redelivery
     */
    public boolean append(String id, long version, S state, List<? extends EventEnvelope<?>> events) {
        return appendAll(List.of(new Append<>(id, version, state, events))).isEmpty();
    }

    /** The next version of an existing document and its events, to be written with others by {@link #appendAll}. */
    public record Append<S>(String id, long version, S state, List<? extends EventEnvelope<?>> events) {

        public Append {
            if (version < 2) {
                throw new IllegalArgumentException("version " + version + ": the first version is written by create");
            }
        }
    }

    /**
     * Writes the next versions of several documents, with their events: their markers in one
     * insert, the versions in another, then the heads moved forward with one read and one write.
     * A version that exists already (a stale read, a redelivery) is left as it is and its marker
     * withdrawn.
     *
     * @return the ids of the documents whose version existed already
     */
    public Set<String> appendAll(List<Append<S>> appends) {
        Map<String, Document> written = insertVersions(appends);
        Map<String, Long> versions = new LinkedHashMap<>();
        List<Document> states = new ArrayList<>();
        written.forEach((id, change) -> {
            versions.put(id, change.getLong(VERSION));
            states.add(change.get(STATE, Document.class));
        });
        moveHeads(versions, states);
        return appends.stream().map(Append::id).filter(id -> !written.containsKey(id)).collect(Collectors.toSet());
    }

    /**
     * Writes {@code version} as {@link #append} does, and leaves the head where it is, for the next
     * read to move: for a change after which the document is seldom read (a letter's outcome), the
     * head's read and rewrite are two round trips and a write for a reader who may never come.
     *
     * @return false when that version exists already
     */
    public boolean appendLeavingHead(String id, long version, S state, List<? extends EventEnvelope<?>> events) {
        return appendAllLeavingHeads(List.of(new Append<>(id, version, state, events))).isEmpty();
    }

    /**
     * {@link #appendAll} leaving the heads where they are: for changes whose heads another write
     * rewrites soon after (an anonymisation, whose history's erasure rewrites the head), or that
     * are seldom read; the next read of each moves it. A head's update costs FerretDB a read and
     * a rewrite of the document under the database's write turn: a thousand of them at once held
     * the turn for longer than the driver waits.
     *
     * @return the ids of the documents whose version existed already
     */
    public Set<String> appendAllLeavingHeads(List<Append<S>> appends) {
        Map<String, Document> written = insertVersions(appends);
        return appends.stream().map(Append::id).filter(id -> !written.containsKey(id)).collect(Collectors.toSet());
    }

    /** @return the versions written, by document id; those another writer has are left out */
    private Map<String, Document> insertVersions(List<Append<S>> appends) {
        if (appends.isEmpty()) {
            return Map.of();
        }
        Date at = Date.from(clock.instant());
        Map<String, List<OutboxEntry>> entries = new LinkedHashMap<>();
        List<Document> changes = new ArrayList<>();
        for (Append<S> each : appends) {
            String versionId = versionId(each.id(), each.version());
            List<OutboxEntry> announced = outbox.entries(each.events());
            if (entries.put(versionId, announced) != null) {
                throw new IllegalArgumentException("version " + each.version() + " of one document given twice");
            }
            changes.add(new Document("_id", versionId).append("of", each.id()).append(VERSION, each.version())
                    .append(STATE, write(each.state())).append(Outbox.FIELD, documents(announced)).append("at", at));
        }
        outbox.markAll(versionCollection, entries);
        Set<Integer> taken = insertAll(versions(), changes, List.copyOf(entries.values()));
        Map<String, Document> written = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            if (!taken.contains(i)) {
                written.put(appends.get(i).id(), changes.get(i));
            }
        }
        return written;
    }

    /**
     * Erases what the versions before {@code version} held: each keeps its {@code _id}, number and
     * time (so that no writer can insert it again, and the history stays countable), but its state
     * becomes {@code state} (the document as erased) and its outbox list, the events it announced,
     * goes, their texts with it. The head, which holds the first version's events and may be behind,
     * gets the same, at {@code version} unless it is already past it. For a document whose personal
     * data must not outlive its period in its old versions; the events of {@code version} itself
     * and after are left to the relay. Idempotent: a version erased already ({@code erased: true})
     * is not written again.
     *
     * @return how many documents were erased this time: the head's (0 or 1) and the older versions'
     */
    public Erased eraseHistory(String id, long version, S state) {
        return eraseHistoryAll(List.of(new Versioned<>(id, version, state))).get(id);
    }

    /**
     * Erases the history of several documents as {@link #eraseHistory} does each, with a constant
     * number of commands: their older versions read and rewritten at once, then their heads.
     *
     * @param erased each document as erased, at the version from which its history goes
     * @return what was erased, by document id (every id given)
     */
    public Map<String, Erased> eraseHistoryAll(List<Versioned<S>> erased) {
        Date now = Date.from(clock.instant());
        Map<String, Document> states = new LinkedHashMap<>();
        Map<String, String> documentOf = new HashMap<>();
        for (Versioned<S> each : erased) {
            states.put(each.id(), write(each.state()));
            java.util.stream.LongStream.range(2, each.version())
                    .forEach(v -> documentOf.put(versionId(each.id(), v), each.id()));
        }
        Map<String, Long> versionsErased = new HashMap<>();
        List<WriteModel<Document>> olderWrites = new ArrayList<>();
        for (Document older : ByIds.read(versions(), documentOf.keySet(), new Document("erased", 1))) {
            if (!Boolean.TRUE.equals(older.getBoolean("erased"))) {
                String of = documentOf.get(older.getString("_id"));
                versionsErased.merge(of, 1L, Long::sum);
                olderWrites.add(new UpdateOneModel<>(Filters.eq("_id", older.getString("_id")),
                        Updates.combine(Updates.set(STATE, states.get(of)), Updates.set(Outbox.FIELD, List.of()),
                                Updates.set("erased", true), Updates.set("erasedAt", now))));
            }
        }
        UpdateBatches.write(versions(), olderWrites, false);
        Map<String, Long> at = new HashMap<>();
        erased.forEach(each -> at.put(each.id(), each.version()));
        List<WriteModel<Document>> headWrites = new ArrayList<>();
        Set<String> headsErased = new java.util.HashSet<>();
        for (Document head : ByIds.read(heads(), states.keySet(), new Document(VERSION, 1).append("erased", 1))) {
            if (Boolean.TRUE.equals(head.getBoolean("erased"))) {
                continue;
            }
            String id = head.getString("_id");
            List<org.bson.conversions.Bson> changes = new ArrayList<>(List.of(Updates.set(Outbox.FIELD, List.of()),
                    Updates.set("erased", true), Updates.set("erasedAt", now)));
            if (versionOf(head) <= at.get(id)) {
                changes.add(Updates.set(VERSION, at.get(id)));
                changes.add(Updates.set(STATE, states.get(id)));
            }
            headWrites.add(new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(changes)));
            headsErased.add(id);
        }
        UpdateBatches.write(heads(), headWrites, false);
        Map<String, Erased> result = new LinkedHashMap<>();
        states.keySet().forEach(id -> result.put(id,
                new Erased(headsErased.contains(id) ? 1 : 0, versionsErased.getOrDefault(id, 0L))));
        return result;
    }

    /** What {@link #eraseHistory} erased: the head (0 or 1) and older versions. */
    public record Erased(long head, long versions) {
    }

    /** The latest version, the head repaired on the way when a change got ahead of it. */
    public Optional<Versioned<S>> find(String id) {
        Document head = heads().find(Filters.eq("_id", id)).first();
        return head == null ? Optional.empty()
                : Optional.of(latest(id, versionOf(head), head.get(STATE, Document.class), false));
    }

    /**
     * The latest version of each of these documents that exists, by id: their heads read with one
     * query by {@code _id}, and the version after each head with another, whatever their number
     * (a head found behind is then followed and repaired as {@link #find} does, one read a step).
     * Both are {@link ByIds} reads.
     */
    public Map<String, Versioned<S>> findAll(Collection<String> ids) {
        return findAll(ids, true);
    }

    /**
     * {@link #findAll} without moving the heads found behind: for a caller about to rewrite them
     * (the erasure of a history), for whom moving them first would be a second rewrite of each.
     */
    public Map<String, Versioned<S>> findAllLeavingHeads(Collection<String> ids) {
        return findAll(ids, false);
    }

    /**
     * The heads read at once, then the version after each, round after round for those that have
     * one (one round, nearly always), by {@link ByIds}; the heads found behind moved at once.
     */
    private Map<String, Versioned<S>> findAll(Collection<String> ids, boolean movingHeads) {
        Map<String, Long> versions = new LinkedHashMap<>();
        Map<String, Document> states = new HashMap<>();
        ByIds.read(heads(), ids, null).forEach(head -> {
            versions.put(head.getString("_id"), versionOf(head));
            states.put(head.getString("_id"), head.get(STATE, Document.class));
        });
        Set<String> behind = new java.util.LinkedHashSet<>();
        Set<String> following = versions.keySet();
        while (!following.isEmpty()) {
            Map<String, String> documentOf = new HashMap<>();
            following.forEach(id -> documentOf.put(versionId(id, versions.get(id) + 1), id));
            Set<String> found = new java.util.HashSet<>();
            for (Document next : ByIds.read(versions(), documentOf.keySet(), null)) {
                String id = documentOf.get(next.getString("_id"));
                versions.put(id, versionOf(next));
                states.put(id, next.get(STATE, Document.class));
                found.add(id);
            }
            behind.addAll(found);
            following = found;
        }
        if (movingHeads && !behind.isEmpty()) {
            Map<String, Long> moves = new LinkedHashMap<>();
            List<Document> movedStates = new ArrayList<>();
            behind.forEach(id -> {
                moves.put(id, versions.get(id));
                movedStates.add(states.get(id));
            });
            moveHeads(moves, movedStates);
        }
        Map<String, Versioned<S>> latest = new LinkedHashMap<>();
        versions.forEach((id, version) -> latest.put(id,
                new Versioned<>(id, version, mongo.getConverter().read(type, states.get(id)))));
        return latest;
    }

    /**
     * The latest version of a document whose head a query found at {@code version}: what a view
     * listing heads uses, so that a head left behind never shows a state that is no longer true.
     */
    public Versioned<S> latest(String id, long version, S state) {
        Document next = versions().find(Filters.eq("_id", versionId(id, version + 1))).first();
        return next == null ? new Versioned<>(id, version, state) : latest(id, version, write(state), false);
    }

    /** The head's version; heads written before versions existed are version 1. */
    public static long versionOf(Document head) {
        Number version = head.get(VERSION, Number.class);
        return version == null ? 1 : version.longValue();
    }

    /** Follows the versions after {@code version}, and moves the head to the last when it was behind. */
    private Versioned<S> latest(String id, long version, Document state, boolean headBehind) {
        Document next;
        boolean behind = headBehind;
        while ((next = versions().find(Filters.eq("_id", versionId(id, version + 1))).first()) != null) {
            version++;
            state = next.get(STATE, Document.class);
            behind = true;
        }
        if (behind) {
            moveHeads(Map.of(id, version), List.of(state));
        }
        return new Versioned<>(id, version, mongo.getConverter().read(type, state));
    }

    static String versionId(String id, long version) {
        return id + ":" + version;
    }

    private boolean insert(MongoCollection<Document> collection, Document document, List<OutboxEntry> entries) {
        return insertAll(collection, List.of(document), List.of(entries)).isEmpty();
    }

    /**
     * Inserts the documents, whose events were marked ({@code entries}, position by position):
     * a document the server refused, or found there already, has its marker withdrawn; any other
     * failure (a timeout, a connection lost) may have come after the write, so the markers stay
     * and the relay drops those whose documents never came, after its grace period.
     *
     * @return the positions of the documents that were there already
     */
    private Set<Integer> insertAll(MongoCollection<Document> collection, List<Document> documents,
            List<List<OutboxEntry>> entries) {
        Set<Integer> taken;
        try {
            taken = UniqueInserts.insertAll(collection, documents);
        }
        catch (MongoBulkWriteException ex) {
            try {
                outbox.discardAll(ex.getWriteErrors().stream().map(error -> entries.get(error.getIndex())).toList());
            }
            catch (RuntimeException notWithdrawn) {
                ex.addSuppressed(notWithdrawn);
            }
            throw ex;
        }
        outbox.discardAll(taken.stream().map(entries::get).toList());
        if (IntStream.range(0, documents.size()).anyMatch(i -> !taken.contains(i) && !entries.get(i).isEmpty())) {
            relay.wakeUp();
        }
        return taken;
    }

    /**
     * Sets each head's state unless it is at that version or later; its outbox stays, for the relay
     * may not have published the first version's events yet. The heads are read, then written, by
     * {@code _id} alone ({@link ByIds}; one update each, in one command): FerretDB 1.24 serves only
     * a filter on {@code _id} from its index, and a filter adding {@code version < n} read and
     * decoded the whole collection at every change (docs/ferretdb.md). Not isolated: a slower
     * writer may set an older head back, which the next read repairs, as it repairs a head a crash
     * left behind.
     *
     * @param states the heads' new states, in the order of {@code versions}
     */
    private void moveHeads(Map<String, Long> versions, List<Document> states) {
        if (versions.isEmpty()) {
            return;
        }
        try {
            Map<String, Long> current = new HashMap<>();
            ByIds.read(heads(), versions.keySet(), new Document(VERSION, 1))
                    .forEach(head -> current.put(head.getString("_id"), versionOf(head)));
            Date at = Date.from(clock.instant());
            List<WriteModel<Document>> moves = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, Long> each : versions.entrySet()) {
                Document state = states.get(i++);
                Long head = current.get(each.getKey());
                if (head != null && head < each.getValue()) {
                    moves.add(new UpdateOneModel<>(Filters.eq("_id", each.getKey()), Updates.combine(
                            Updates.set(VERSION, each.getValue()), Updates.set(STATE, state), Updates.set("at", at))));
                }
            }
            UpdateBatches.write(heads(), moves, false);
        }
        catch (RuntimeException ex) {
            // a secondary write: the versions are stored, and the next read moves the heads
            log.warn("{} head(s) not moved to their new version (the next read will), e.g. {}: {}", versions.size(),
                    LogSafe.id(versions.keySet().iterator().next()), LogSafe.describe(ex));
        }
    }

    private static List<Document> documents(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::asDocument).toList();
    }

    private Document write(S state) {
        Document document = new Document();
        mongo.getConverter().write(state, document);
        document.remove("_class");
        return document;
    }

    private MongoCollection<Document> heads() {
        return mongo.getCollection(headCollection);
    }

    private MongoCollection<Document> versions() {
        return mongo.getCollection(versionCollection);
    }
}
