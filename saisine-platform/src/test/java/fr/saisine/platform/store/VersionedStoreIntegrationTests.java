package fr.saisine.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import fr.saisine.events.Category;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.RespondentType;
import fr.saisine.platform.events.EventJson;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.polling.PollingWorker;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.TestServers;
import fr.saisine.platform.tracing.EventTracing;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one write path, on the real MongoDB-compatible server (FerretDB here): a version is written
 * once whatever the race, with its events marked for the relay, and a head left behind is caught
 * up by the next read.
 */
class VersionedStoreIntegrationTests {

    /** The collection and filter of every read and write the store sends, as the server receives them. */
    record Query(String collection, org.bson.BsonDocument filter) {

        @Override
        public String toString() {
            return collection + " " + filter.toJson();
        }
    }

    static final List<Query> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final AtomicInteger inserts = new AtomicInteger();
    static final MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
            .applyConnectionString(new com.mongodb.ConnectionString(TestServers.addresses().mongoUri()))
            .addCommandListener(new com.mongodb.event.CommandListener() {
                @Override
                public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                    // copied: the command's buffer is released once it is sent
                    var command = event.getCommand();
                    String name = event.getCommandName();
                    switch (name) {
                        case "find" -> queries.add(new Query(command.getString("find").getValue(),
                                command.getDocument("filter", new org.bson.BsonDocument()).clone()));
                        case "insert" -> inserts.incrementAndGet();
                        case "update", "delete" -> command.getArray(name.equals("update") ? "updates" : "deletes")
                                .forEach(each -> queries.add(new Query(command.getString(name).getValue(),
                                        each.asDocument().getDocument("q").clone())));
                        default -> {
                        }
                    }
                }
            }).build());
    static final MongoTemplate mongo = new MongoTemplate(client, TestServers.uniqueName("platform-store"));
    static final Clock clock = Clock.systemUTC();
    final AtomicInteger wakeUps = new AtomicInteger();
    final PollingWorker relay = new PollingWorker("test-relay", java.time.Duration.ofSeconds(1),
            java.time.Duration.ofSeconds(1)) {
        @Override
        protected int pollOnce() {
            return 0;
        }

        @Override
        public void wakeUp() {
            wakeUps.incrementAndGet();
        }
    };
    final Outbox outbox = new Outbox(mongo, new EventJson(JsonMapper.builder().build()), clock,
            new EventTracing(Tracer.NOOP, Propagator.NOOP));
    final VersionedStore<ComplaintSubmitted> store = new VersionedStore<>(mongo, outbox, relay, "things",
            ComplaintSubmitted.class, clock);

    @AfterAll
    static void closeClient() {
        client.close();
    }

    static ComplaintSubmitted complaint(String reference, String subject) {
        return EventFixtures.submitted(reference, Instant.parse("2026-03-01T10:00:00Z"), "Banque Exemple",
                RespondentType.COMPANY, "banque", Category.ACCESS_RIGHT, subject);
    }

    static List<EventEnvelope<ComplaintSubmitted>> announcing(ComplaintSubmitted state) {
        return List.of(EventEnvelope.wrap(state, Instant.now()));
    }

    long markersFor(String documentId) {
        return mongo.getCollection(Outbox.PENDING).countDocuments(Filters.eq("documentId", documentId));
    }

    @Test
    void shouldReadAndWriteDocumentsByTheirIdAloneWhichTheIdIndexServes() {
        // FerretDB 1.24 serves from its index a filter on _id alone; any other filter, even _id with
        // one more condition, reads and decodes the whole collection (docs/ferretdb.md)
        String id = EventFixtures.testReference();
        ComplaintSubmitted first = complaint(id, "first");
        queries.clear();

        store.create(id, first, announcing(first));
        store.append(id, 2, complaint(id, "second"), announcing(first));
        store.append(id, 3, complaint(id, "third"), List.of());
        assertThat(store.find(id)).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(3));

        List<Query> sent = List.copyOf(queries);
        assertThat(sent).isNotEmpty().allSatisfy(query -> {
            assertThat(query.filter().keySet()).as(query.toString()).containsExactly("_id");
            assertThat(query.filter().get("_id").isString()).as(query.toString()).isTrue();
        });
        sent.stream().map(Query::collection).distinct().forEach(collection -> assertThat(
                mongo.getCollection(collection).listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                .as("indexes of " + collection).contains("_id_"));
        sent.stream().filter(query -> query.filter().size() == 1).forEach(query -> assertThat(explain(query))
                .as("the plan of " + query)
                .satisfiesAnyOf(
                        // FerretDB on SQLite: the plan SQLite chose
                        plan -> assertThat(plan).contains("USING INDEX").contains("__id_").doesNotContain("SCAN "),
                        // MongoDB: an _id lookup, or a scan of the _id index
                        plan -> assertThat(plan).containsAnyOf("\"IDHACK\"", "\"EXPRESS_IXSCAN\"",
                                "\"indexName\": \"_id_\"")));
    }

    @Test
    void shouldReadSeveralDocumentsAtTheirLatestVersionWithOneQueryByIdForTheHeadsAndOneForTheVersionsAfter() {
        List<String> ids = EventFixtures.testReferences(3);
        ids.forEach(id -> store.create(id, complaint(id, "first"), List.of()));
        Versioned<ComplaintSubmitted> behind = store.find(ids.get(1)).orElseThrow();
        store.appendLeavingHead(behind.id(), 2, complaint(behind.id(), "second"), List.of());
        String missing = EventFixtures.testReference();
        queries.clear();

        Map<String, Versioned<ComplaintSubmitted>> found = store.findAll(List.of(ids.get(0), ids.get(1), ids.get(2), missing));

        assertThat(found).containsOnlyKeys(ids);
        assertThat(found.get(ids.get(1))).satisfies(latest -> {
            assertThat(latest.version()).isEqualTo(2);
            assertThat(latest.state().subject()).isEqualTo("second");
        });
        assertThat(found.get(ids.get(0)).version()).isEqualTo(1);
        assertThat(mongo.getCollection("things").find(Filters.eq("_id", behind.id())).first().get("version"))
                .as("the head found behind, moved").isEqualTo(2L);
        List<Query> reads = queries.stream().filter(query -> query.filter().get("_id").isDocument()).toList();
        assertThat(reads).as("the heads, then the versions after them").hasSize(2).allSatisfy(query -> {
            assertThat(query.filter().keySet()).containsExactly("_id");
            assertThat(query.filter().getDocument("_id").keySet()).containsExactly("$in");
            assertThat(explain(query)).as("the plan of " + query).satisfiesAnyOf(
                    // FerretDB on SQLite (Saisine's build): the _id index, searched for each id
                    plan -> assertThat(plan).contains("USING INDEX").contains("__id_").doesNotContain("SCAN "),
                    // MongoDB: the _id index
                    plan -> assertThat(plan).contains("\"indexName\": \"_id_\"").doesNotContain("COLLSCAN"));
        });
    }

    /** The server's plan for reading what {@code query} selects (updates and deletes select as a find would). */
    static String explain(Query query) {
        return mongo.getDb().runCommand(new Document("explain", new Document("find", query.collection())
                .append("filter", query.filter())).append("verbosity", "queryPlanner")).toJson();
    }

    @Test
    void shouldMarkAWriteOnceWhateverTheNumberOfItsEvents() {
        String id = EventFixtures.testReference();
        ComplaintSubmitted first = complaint(id, "first");

        assertThat(store.create(id, first, List.of(EventEnvelope.wrap(first, Instant.now()),
                EventEnvelope.wrap(first, Instant.now())))).isTrue();

        assertThat(markersFor(id)).isEqualTo(1);
        Document marker = mongo.getCollection(Outbox.PENDING).find(Filters.eq("documentId", id)).first();
        assertThat(marker.getList("eventIds", String.class)).isEqualTo(mongo.getCollection("things")
                .find(Filters.eq("_id", id)).first().getList("outbox", Document.class).stream()
                .map(e -> e.getString("eventId")).toList());
    }

    @Test
    void shouldCreateADocumentOnceAndKeepItsEventForTheRelay() {
        String id = EventFixtures.testReference();
        ComplaintSubmitted first = complaint(id, "first");

        assertThat(store.create(id, first, announcing(first))).isTrue();
        assertThat(store.create(id, complaint(id, "again"), announcing(first))).as("a redelivery").isFalse();

        assertThat(store.find(id)).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.state().subject()).isEqualTo("first");
        });
        assertThat(markersFor(id)).as("the refused write leaves no marker").isEqualTo(1);
        assertThat(mongo.getCollection("things").find(Filters.eq("_id", id)).first().getList("outbox", Document.class))
                .hasSize(1);
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void shouldCreateSeveralDocumentsWithOneInsertOfThemAndOneOfTheirMarkers() {
        String existing = EventFixtures.testReference();
        store.create(existing, complaint(existing, "first"), List.of());
        String one = existing + "-a";
        String other = existing + "-b";
        ComplaintSubmitted oneState = complaint(one, "one");
        List<VersionedStore.Creation<ComplaintSubmitted>> creations = List.of(
                store.creation(one, oneState, announcing(oneState)),
                store.creation(existing, complaint(existing, "again"), announcing(complaint(existing, "again"))),
                store.creation(other, complaint(other, "other"), List.of()),
                store.creation(one, complaint(one, "one, redelivered"), announcing(oneState)));
        inserts.set(0);

        assertThat(store.createAll(creations)).containsExactly(existing);

        assertThat(inserts).as("insert commands: the markers, the documents").hasValue(2);
        assertThat(store.find(one)).hasValueSatisfying(v -> assertThat(v.state().subject()).isEqualTo("one"));
        assertThat(store.find(other)).hasValueSatisfying(v -> assertThat(v.state().subject()).isEqualTo("other"));
        assertThat(store.find(existing)).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.state().subject()).as("the first write stands").isEqualTo("first");
        });
        assertThat(markersFor(one)).isEqualTo(1);
        assertThat(mongo.getCollection("things").find(Filters.eq("_id", one)).first().getList("outbox", Document.class))
                .hasSize(1);
        assertThat(markersFor(existing)).as("the refused write's marker is withdrawn").isZero();
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void shouldLetExactlyOneOfTwentyConcurrentWritersHaveTheNextVersion() throws Exception {
        String id = EventFixtures.testReference();
        store.create(id, complaint(id, "v1"), List.of());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Boolean>> writers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ComplaintSubmitted state = complaint(id, "v2 by writer " + i);
            writers.add(() -> store.append(id, 2, state, announcing(state)));
        }
        List<Boolean> won = new ArrayList<>();
        for (Future<Boolean> result : pool.invokeAll(writers)) {
            won.add(result.get());
        }
        pool.shutdown();

        assertThat(won).filteredOn(w -> w).hasSize(1);
        String winner = store.find(id).orElseThrow().state().subject();
        assertThat(store.find(id).orElseThrow().version()).isEqualTo(2);
        assertThat(markersFor(id + ":2")).as("one event, the winner's").isEqualTo(1);
        assertThat(mongo.getCollection("things_versions").find(Filters.eq("_id", id + ":2")).first()
                .get("state", Document.class).getString("subject")).isEqualTo(winner);
    }

    @Test
    void shouldCatchTheHeadUpWhenAWriterDiedBeforeMovingIt() {
        String id = EventFixtures.testReference();
        store.create(id, complaint(id, "v1"), List.of());
        // as a writer that died after inserting version 2 and before moving the head
        Document state = new Document();
        mongo.getConverter().write(complaint(id, "v2"), state);
        mongo.getCollection("things_versions").insertOne(new Document("_id", id + ":2").append("of", id)
                .append("version", 2L).append("state", state).append("at", new Date()));

        assertThat(store.find(id)).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.state().subject()).isEqualTo("v2");
        });
        assertThat(mongo.getCollection("things").find(Filters.eq("_id", id)).first().get("version", Number.class)
                .longValue()).as("the head repaired by the read").isEqualTo(2);
        assertThat(store.append(id, 2, complaint(id, "late"), List.of())).as("version 2 is taken").isFalse();
        assertThat(store.append(id, 3, complaint(id, "v3"), List.of())).isTrue();
        assertThat(store.find(id).orElseThrow().state().subject()).isEqualTo("v3");
    }

    @Test
    void shouldFindAVersionAppendedLeavingItsHeadAndMoveTheHeadOnThatRead() {
        String id = EventFixtures.testReference();
        store.create(id, complaint(id, "v1"), List.of());
        ComplaintSubmitted outcome = complaint(id, "v2");

        assertThat(store.appendLeavingHead(id, 2, outcome, announcing(outcome))).isTrue();

        assertThat(mongo.getCollection("things").find(Filters.eq("_id", id)).first().get("version", Number.class)
                .longValue()).as("the head left at version 1").isEqualTo(1);
        assertThat(markersFor(id + ":2")).as("the version's event marked for the relay").isEqualTo(1);
        assertThat(store.find(id)).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.state().subject()).isEqualTo("v2");
        });
        assertThat(mongo.getCollection("things").find(Filters.eq("_id", id)).first().get("version", Number.class)
                .longValue()).as("moved by the read").isEqualTo(2);
        assertThat(store.appendLeavingHead(id, 2, complaint(id, "late"), List.of())).as("version 2 is taken").isFalse();
    }

    @Test
    void shouldKeepTheFirstVersionsEventsWhenTheHeadMovesOn() {
        String id = EventFixtures.testReference();
        ComplaintSubmitted first = complaint(id, "v1");
        store.create(id, first, announcing(first));

        store.append(id, 2, complaint(id, "v2"), List.of());

        assertThat(mongo.getCollection("things").find(Filters.eq("_id", id)).first().getList("outbox", Document.class))
                .as("the relay may not have published it yet").hasSize(1);
    }

    @Test
    void shouldEraseWhatOlderVersionsAndTheirEventsHeldKeepingTheirIdsOnceOnly() {
        String id = EventFixtures.testReference();
        store.create(id, complaint(id, "Sujet de Ginette Personnelle"), announcing(complaint(id, "Sujet de Ginette Personnelle")));
        store.append(id, 2, complaint(id, "Encore Ginette"), announcing(complaint(id, "Encore Ginette")));
        store.append(id, 3, complaint(id, "effacé"), List.of());
        queries.clear();

        VersionedStore.Erased erased = store.eraseHistory(id, 3, complaint(id, "effacé"));

        assertThat(erased).isEqualTo(new VersionedStore.Erased(1, 1));
        String kept = mongo.getCollection("things").find(Filters.eq("_id", id)).first().toJson()
                + mongo.getCollection("things_versions").find(Filters.eq("_id", id + ":2")).first().toJson();
        assertThat(kept).doesNotContain("Ginette").contains("effacé");
        assertThat(store.find(id).orElseThrow().version()).isEqualTo(3);
        assertThat(store.append(id, 2, complaint(id, "Ginette revient"), List.of()))
                .as("an erased version keeps its id: no writer can write it again").isFalse();
        assertThat(queries).allMatch(query -> query.filter().keySet().equals(java.util.Set.of("_id")), "by _id alone");
        assertThat(store.eraseHistory(id, 3, complaint(id, "effacé"))).isEqualTo(new VersionedStore.Erased(0, 0));
    }

    @Test
    void shouldAppendTheNextVersionsOfManyDocumentsWithCommandsIndependentOfTheirNumberAndReportThoseTaken() {
        List<String> ids = EventFixtures.testReferences(40);
        ids.forEach(id -> store.create(id, complaint(id, "v1"), List.of()));
        String stale = ids.getFirst();
        store.append(stale, 2, complaint(stale, "someone else's v2"), List.of());
        queries.clear();
        inserts.set(0);

        Set<String> taken = store.appendAll(ids.stream().map(id -> new VersionedStore.Append<>(id, 2,
                complaint(id, "v2"), announcing(complaint(id, "v2")))).toList());

        assertThat(taken).containsExactly(stale);
        assertThat(inserts.get()).as("the markers, then the versions").isEqualTo(2);
        assertThat(queries).as("the heads read once, moved in one update command (and a marker withdrawn)")
                .hasSizeLessThanOrEqualTo(2 + ids.size());
        assertThat(queries.stream().filter(q -> q.filter().containsKey("_id")
                && q.filter().get("_id").isDocument()).count()).as("one read of the heads by $in").isEqualTo(1);
        ids.stream().skip(1).forEach(id -> {
            Document head = mongo.getCollection("things").find(Filters.eq("_id", id)).first();
            assertThat(head.getLong("version")).as("head of " + id).isEqualTo(2L);
            assertThat(head.get("state", Document.class).toJson()).contains("v2");
        });
        assertThat(store.find(stale).orElseThrow().state().subject()).isEqualTo("someone else's v2");
        assertThat(markersFor(stale + ":2")).as("the refused version's marker withdrawn").isZero();
        assertThat(markersFor(ids.get(1) + ":2")).as("a written version's events wait for the relay").isEqualTo(1);
    }

    @Test
    void shouldEraseTheHistoriesOfManyDocumentsAtOnceAsEachAloneWould() {
        List<String> ids = EventFixtures.testReferences(30);
        ids.forEach(id -> {
            store.create(id, complaint(id, "Ginette " + id), announcing(complaint(id, "Ginette " + id)));
            store.append(id, 2, complaint(id, "Ginette encore"), List.of());
            store.append(id, 3, complaint(id, "effacé"), List.of());
        });
        String erasedBefore = ids.getFirst();
        store.eraseHistory(erasedBefore, 3, complaint(erasedBefore, "effacé"));
        queries.clear();

        Map<String, VersionedStore.Erased> erased = store.eraseHistoryAll(ids.stream()
                .map(id -> new Versioned<>(id, 3, complaint(id, "effacé"))).toList());

        assertThat(erased).hasSize(ids.size()).containsEntry(erasedBefore, new VersionedStore.Erased(0, 0));
        ids.stream().skip(1).forEach(id -> assertThat(erased.get(id)).isEqualTo(new VersionedStore.Erased(1, 1)));
        assertThat(queries.stream().map(Query::collection).distinct()).containsExactlyInAnyOrder("things",
                "things_versions");
        assertThat(queries.stream().filter(q -> q.filter().get("_id").isDocument()).count())
                .as("two reads by $in: the older versions, the heads").isEqualTo(2);
        ids.forEach(id -> assertThat(mongo.getCollection("things").find(Filters.eq("_id", id)).first().toJson()
                + mongo.getCollection("things_versions").find(Filters.eq("_id", id + ":2")).first().toJson())
                .doesNotContain("Ginette"));
    }

    @Test
    void shouldMoveMoreHeadsThanFerretDbUpdatesInOneCommandWithoutLockingTheDatabase() {
        // FerretDB 1.24 holds a connection for each update statement of a command until it ends,
        // out of a hundred a database: one command of 150 updates waited for ever (UpdateBatches)
        List<String> ids = EventFixtures.testReferences(150);
        store.createAll(ids.stream().map(id -> store.creation(id, complaint(id, "v1"), List.of())).toList());

        Set<String> taken = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> store.appendAll(ids.stream().map(id -> new VersionedStore.Append<>(id, 2, complaint(id, "v2"),
                        List.<EventEnvelope<?>>of())).toList()));

        assertThat(taken).isEmpty();
        assertThat(ByIds.read(mongo.getCollection("things"), ids, new Document("version", 1)))
                .hasSize(ids.size()).allSatisfy(head -> assertThat(head.getLong("version")).isEqualTo(2L));
    }
}
