package fr.saisine.platform.metrics;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A figure the gauges read from the database (or a health check), read again at most once per
 * {@code maxAge} however often and by however many scrapers it is asked for, so that watching
 * the database never loads it. A scrape waits at most {@code maxWait} for a read: a database that
 * hangs must not hang the scrape, which also carries every other metric. A read that fails or is
 * late gives no figure (the gauges report NaN), and is logged once until a read succeeds again:
 * a gauge never throws.
 */
public final class CachedReading<T> {

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final String name;
    private final Supplier<T> reader;
    private final long maxAgeNanos;
    private final Duration maxWait;
    private CompletableFuture<T> reading;
    private long startedAt;
    private boolean waitedOut;
    private boolean failing;

    public CachedReading(String name, Duration maxAge, Duration maxWait, Supplier<T> reader) {
        this.name = name;
        this.reader = reader;
        this.maxAgeNanos = maxAge.toNanos();
        this.maxWait = maxWait;
    }

    /** The figure through {@code figure}, or NaN when it cannot be read. */
    public double as(ToDoubleFunction<T> figure) {
        return get().map(figure::applyAsDouble).orElse(Double.NaN);
    }

    public synchronized Optional<T> get() {
        long now = System.nanoTime();
        if (reading == null || reading.isDone() && now - startedAt >= maxAgeNanos) {
            startedAt = now;
            waitedOut = false;
            reading = CompletableFuture.supplyAsync(reader,
                    task -> Thread.ofVirtual().name("metrics-" + name).start(task));
        }
        if (waitedOut && !reading.isDone()) {
            return Optional.empty();
        }
        try {
            T value = reading.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
            if (failing) {
                log.info("{} can be read again for the metrics", name);
                failing = false;
            }
            return Optional.ofNullable(value);
        }
        catch (TimeoutException ex) {
            waitedOut = true;
            return failed("no answer within " + maxWait);
        }
        catch (ExecutionException ex) {
            return failed(ex.getCause().toString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<T> failed(String why) {
        if (!failing) {
            log.warn("{} cannot be read for the metrics, reported as NaN until it can: {}", name, why);
            failing = true;
        }
        return Optional.empty();
    }
}
