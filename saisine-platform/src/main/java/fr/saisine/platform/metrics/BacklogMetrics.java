package fr.saisine.platform.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * How long a work list is, and how long its oldest entry has waited: {@code <name>} and
 * {@code <name>.oldest.age} (seconds). A work list is a small collection whose size is the
 * backlog, not the history (docs/ferretdb.md), so counting it is cheap even where FerretDB scans;
 * it is read at most every {@link #MAX_AGE} all the same.
 */
public final class BacklogMetrics implements MeterBinder {

    static final Duration MAX_AGE = Duration.ofSeconds(5);
    static final Duration MAX_WAIT = Duration.ofSeconds(2);

    /** What was read: the entries, and the time the oldest has been waiting since (null when none). */
    record Backlog(long size, Date oldestSince) {
    }

    private final String name;
    private final String description;
    private final Clock clock;
    private final CachedReading<Backlog> backlog;

    /** @param sinceField the field of each entry that says since when it waits */
    public BacklogMetrics(String name, String description, MongoTemplate mongo, String collection, String sinceField,
            Clock clock) {
        this.name = name;
        this.description = description;
        this.clock = clock;
        this.backlog = new CachedReading<>(collection, MAX_AGE, MAX_WAIT, () -> read(mongo.getCollection(collection),
                sinceField));
    }

    private static Backlog read(MongoCollection<Document> entries, String sinceField) {
        Document oldest = entries.find().sort(Sorts.ascending(sinceField))
                .projection(Projections.include(sinceField)).limit(1).first();
        return new Backlog(entries.countDocuments(), oldest == null ? null : oldest.getDate(sinceField));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(name, backlog, b -> b.as(Backlog::size)).description(description).register(registry);
        Gauge.builder(name + ".oldest.age", backlog, b -> b.as(this::oldestAge)).baseUnit("seconds")
                .description("How long the oldest of these has waited; 0 when there is none").register(registry);
    }

    private double oldestAge(Backlog read) {
        if (read.oldestSince() == null) {
            return 0;
        }
        return Math.max(0, clock.millis() - read.oldestSince().getTime()) / 1000.0;
    }
}
