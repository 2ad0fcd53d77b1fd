package fr.saisine.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay works ({@code saisine.outbox.*}). A write wakes the relay at once; the
 * poll catches what other instances, or a crash, left behind. A marker whose event is still not
 * in its document after {@code orphanAfter} belongs to a write that failed, and is dropped.
 * However many instances run, one relays at a time (JobLeases): the relay moves to another
 * within {@code relayTerm} of its instance's death. After a wake-up, the relay waits
 * {@code linger} for the writes that follow, so that a busy service publishes in batches (one
 * read of the markers and one deletion per batch) at the cost of that much latency per event.
 */
@ConfigurationProperties("saisine.outbox")
public record OutboxProperties(
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("200") int batchSize,
        @DefaultValue("1m") Duration orphanAfter,
        @DefaultValue("10s") Duration relayTerm,
        @DefaultValue("20ms") Duration linger) {

    /** The relay reads a batch's documents with one {@code _id $in} per collection, which FerretDB's build indexes up to 1,000 ids. */
    public static final int MAX_BATCH_SIZE = 1000;

    public OutboxProperties {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("saisine.outbox.batch-size must be between 1 and " + MAX_BATCH_SIZE
                    + " (the relay reads a batch's documents with one query by _id, docs/ferretdb.md), got " + batchSize);
        }
    }
}
