package fr.saisine.platform.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * What this service wrote to the database, by command and collection, as the database answered
 * each insert, update, delete and findAndModify: {@code saisine_db_writes_total} counts the
 * documents written (the reply's {@code n}), {@code saisine_db_write_commands_total} the commands
 * that wrote at least one (round trips, each a transaction of its own on FerretDB), so that the
 * cost of a complaint is counted, not estimated, and where it goes is seen (the benchmark divides
 * both by the complaints). A duplicate-key insert that lost a race, or an update that matched
 * nothing, wrote nothing and counts nothing. Counted in the driver, before any registry exists,
 * and read by the registry.
 */
public final class DatabaseWrites implements CommandListener, MeterBinder {

    static final String METRIC = "saisine.db.writes";
    static final String COMMANDS_METRIC = "saisine.db.write.commands";
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");

    private record Key(String command, String collection) {
    }

    private record Counts(LongAdder documents, LongAdder commands) {
    }

    private final Map<Integer, String> collectionByRequest = new ConcurrentHashMap<>();
    private final Map<Key, Counts> written = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (WRITES.contains(event.getCommandName())) {
            BsonValue collection = event.getCommand().get(event.getCommandName());
            collectionByRequest.put(event.getRequestId(),
                    collection != null && collection.isString() ? collection.asString().getValue() : "");
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        String collection = collectionByRequest.remove(event.getRequestId());
        if (collection == null) {
            return;
        }
        long documents = documents(event.getCommandName(), event.getResponse());
        if (documents > 0) {
            Counts counts = counts(new Key(event.getCommandName(), collection));
            counts.documents().add(documents);
            counts.commands().increment();
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        collectionByRequest.remove(event.getRequestId());
    }

    /** findAndModify answers its n in lastErrorObject; the others at the top of the reply. */
    private static long documents(String command, BsonDocument reply) {
        BsonDocument counted = "findAndModify".equals(command) ? reply.getDocument("lastErrorObject", new BsonDocument())
                : reply;
        BsonValue n = counted.get("n");
        return n != null && n.isNumber() ? n.asNumber().longValue() : 0;
    }

    private Counts counts(Key key) {
        return written.computeIfAbsent(key, k -> {
            Counts counts = new Counts(new LongAdder(), new LongAdder());
            MeterRegistry bound = registry;
            if (bound != null) {
                register(bound, k, counts);
            }
            return counts;
        });
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        written.forEach((key, counts) -> register(registry, key, counts));
    }

    private static void register(MeterRegistry registry, Key key, Counts counts) {
        FunctionCounter.builder(METRIC, counts.documents(), LongAdder::sum).tag("command", key.command())
                .tag("collection", key.collection()).description("Documents written to the database")
                .register(registry);
        FunctionCounter.builder(COMMANDS_METRIC, counts.commands(), LongAdder::sum).tag("command", key.command())
                .tag("collection", key.collection()).description("Database commands that wrote documents")
                .register(registry);
    }
}
