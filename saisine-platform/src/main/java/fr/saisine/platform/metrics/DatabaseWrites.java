package fr.saisine.platform.metrics;

import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code saisine_db_writes_total{command}}: the documents this service wrote, as the database
 * answered each insert, update, delete and findAndModify (its {@code n}), so that the cost of a
 * complaint is counted, not estimated (issue 8; the benchmark divides it by the complaints). A
 * duplicate-key insert that lost a race, or an update that matched nothing, wrote nothing and
 * counts nothing. Counted in the driver, before any registry exists, and read by the registry.
 */
public final class DatabaseWrites implements CommandListener, MeterBinder {

    static final String METRIC = "saisine.db.writes";

    private final Map<String, LongAdder> written = Map.of("insert", new LongAdder(), "update", new LongAdder(),
            "delete", new LongAdder(), "findAndModify", new LongAdder());

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        LongAdder counter = written.get(event.getCommandName());
        if (counter != null) {
            counter.add(documents(event.getCommandName(), event.getResponse()));
        }
    }

    /** findAndModify answers its n in lastErrorObject; the others at the top of the reply. */
    private static long documents(String command, BsonDocument reply) {
        BsonDocument counted = "findAndModify".equals(command) ? reply.getDocument("lastErrorObject", new BsonDocument())
                : reply;
        BsonValue n = counted.get("n");
        return n != null && n.isNumber() ? n.asNumber().longValue() : 0;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        written.forEach((command, counter) -> FunctionCounter.builder(METRIC, counter, LongAdder::sum)
                .tag("command", command).description("Documents written to the database, by command")
                .register(registry));
    }
}
