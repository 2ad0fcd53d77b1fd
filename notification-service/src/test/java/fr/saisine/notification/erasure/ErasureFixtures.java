package fr.saisine.notification.erasure;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.utils.Utils;

import fr.saisine.events.ErasureOrdered;
import fr.saisine.events.ErasureRule;
import fr.saisine.events.EventEnvelope;
import fr.saisine.testsupport.EventFixtures;

/** What the erasure tests of notification share: orders as triage publishes them, and partitions. */
final class ErasureFixtures {

    /** The tests' topics are created by the binder with its min-partition-count. */
    static final int PARTITIONS = 6;

    private ErasureFixtures() {
    }

    static EventEnvelope<ErasureOrdered> order(String reference) {
        return EventEnvelope.wrap(new ErasureOrdered(reference, ErasureRule.AFTER_CLOSING, "run-" + UUID.randomUUID(),
                Instant.now()), Instant.now());
    }

    /** A test reference whose events share a partition with {@code reference}'s, so are read after them. */
    static String samePartitionAs(String reference) {
        for (String other : EventFixtures.testReferences(200)) {
            if (!other.equals(reference) && partition(other) == partition(reference)) {
                return other;
            }
        }
        throw new IllegalStateException("no reference found on the partition of " + reference);
    }

    static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    static List<String> distinct(int count) {
        return EventFixtures.testReferences(count);
    }
}
