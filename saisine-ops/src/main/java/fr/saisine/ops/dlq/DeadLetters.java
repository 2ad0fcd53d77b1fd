package fr.saisine.ops.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import fr.saisine.events.DeadLetterReplays;

/**
 * The dead-letter topics ({@code <topic>.<group>.dlq}) and what waits in them. What an operator has
 * replayed is remembered as the offsets of the consumer group {@value #GROUP} (which no process
 * joins: only this tool moves it; see {@link Replayed}), so a dead letter waits from the moment it
 * is written until it is replayed, and the services' {@code saisine_dead_letters} gauge counts the
 * same.
 * Replaying re-publishes the original record, key, value and headers, to its original topic: every
 * consumer of that topic sees it again, and each one's handling is idempotent, so those that had
 * handled it change nothing.
 */
public final class DeadLetters implements AutoCloseable {

    /** The consumer group whose offsets say how far each dead-letter topic has been replayed. */
    public static final String GROUP = DeadLetterReplays.GROUP;
    /** Where a replayed record came from, for whoever reads it again. */
    public static final String REPLAYED_FROM = "saisine_replayedFrom";

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Map<String, Object> clientConfig;
    private final Admin admin;

    public DeadLetters(Map<String, Object> clientConfig) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.admin = Admin.create(clientConfig);
    }

    /** The dead-letter topics of the broker, by name. */
    public Set<String> topics() {
        return new TreeSet<>(get(admin.listTopics().names()).stream().filter(name -> name.endsWith(".dlq")).toList());
    }

    /** The records of {@code topic} not yet replayed, oldest offset first, partition by partition. */
    public List<DeadLetter> waiting(String topic) {
        Map<TopicPartition, Replayed> from = replayed(topic);
        Map<TopicPartition, Long> to = offsets(from.keySet(), OffsetSpec.latest());
        List<DeadLetter> letters = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(readerConfig(), new StringDeserializer(), new StringDeserializer())) {
            for (TopicPartition partition : from.keySet()) {
                Replayed replayed = from.get(partition);
                long end = to.get(partition);
                if (replayed.upTo() >= end) {
                    continue;
                }
                consumer.assign(List.of(partition));
                consumer.seek(partition, replayed.upTo());
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() < end && !replayed.beyond().contains(record.offset())) {
                            letters.add(letter(record));
                        }
                    }
                }
            }
        }
        return letters;
    }

    /**
     * Replays the waiting records of {@code topic} ({@code ids} empty), or only those named
     * ({@code partition:offset}); then marks replayed, in each partition, every record up to the
     * first one still waiting.
     *
     * @return the records replayed
     */
    public List<DeadLetter> replay(String topic, Collection<String> ids) {
        List<DeadLetter> waiting = waiting(topic);
        List<DeadLetter> chosen = ids.isEmpty() ? waiting
                : waiting.stream().filter(letter -> ids.contains(letter.id())).toList();
        if (!ids.isEmpty() && chosen.size() != ids.size()) {
            List<String> unknown = new ArrayList<>(ids);
            unknown.removeAll(chosen.stream().map(DeadLetter::id).toList());
            throw new IllegalArgumentException("not waiting in " + topic + ": " + String.join(", ", unknown)
                    + " (./saisine dlq show " + topic + " lists those that are)");
        }
        for (DeadLetter letter : chosen) {
            if (letter.originalTopic() == null) {
                throw new IllegalStateException(letter.id() + " in " + topic + " does not say where it came from "
                        + "(no x-original-topic header): nothing was replayed");
            }
        }
        try (var producer = new KafkaProducer<>(writerConfig(), new StringSerializer(), new StringSerializer())) {
            for (DeadLetter letter : chosen) {
                ProducerRecord<String, String> again = new ProducerRecord<>(letter.originalTopic(), letter.key(),
                        letter.value());
                letter.originalHeaders().forEach((name, value) -> again.headers().add(name,
                        value.getBytes(StandardCharsets.UTF_8)));
                again.headers().add(REPLAYED_FROM, (topic + ":" + letter.id()).getBytes(StandardCharsets.UTF_8));
                get(producer.send(again));
            }
        }
        markReplayed(topic, chosen);
        return chosen;
    }

    /**
     * How far a partition has been replayed: every record before {@code upTo}, and those after it in
     * {@code beyond} (replayed one by one with {@code --id}): {@link DeadLetterReplays}.
     */
    public record Replayed(long upTo, Set<Long> beyond) {

        static Replayed of(long earliest, OffsetAndMetadata committed) {
            if (committed == null) {
                return new Replayed(earliest, Set.of());
            }
            return new Replayed(Math.max(earliest, committed.offset()), DeadLetterReplays.beyond(committed.metadata()));
        }

        /** With {@code offsets} replayed too: the offset moved past every record replayed in a row. */
        Replayed with(Collection<Long> offsets) {
            Set<Long> all = new TreeSet<>(beyond);
            all.addAll(offsets);
            long next = upTo;
            while (all.remove(next)) {
                next++;
            }
            final long upToNow = next;
            all.removeIf(offset -> offset < upToNow);
            return new Replayed(next, all);
        }

        OffsetAndMetadata asOffset() {
            return new OffsetAndMetadata(upTo, DeadLetterReplays.metadata(beyond));
        }
    }

    private void markReplayed(String topic, List<DeadLetter> replayed) {
        Map<TopicPartition, Replayed> before = replayed(topic);
        Map<TopicPartition, OffsetAndMetadata> after = new HashMap<>();
        before.forEach((partition, was) -> {
            List<Long> offsets = replayed.stream().filter(letter -> letter.partition() == partition.partition())
                    .map(DeadLetter::offset).toList();
            if (!offsets.isEmpty()) {
                after.put(partition, was.with(offsets).asOffset());
            }
        });
        if (!after.isEmpty()) {
            get(admin.alterConsumerGroupOffsets(GROUP, after).all());
        }
    }

    /** Per partition of {@code topic}: what has been replayed. */
    public Map<TopicPartition, Replayed> replayed(String topic) {
        List<TopicPartition> partitions = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata());
        Map<TopicPartition, Replayed> replayed = new LinkedHashMap<>();
        for (TopicPartition partition : partitions) {
            replayed.put(partition, Replayed.of(earliest.get(partition), committed.get(partition)));
        }
        return replayed;
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
        partitions.forEach(partition -> request.put(partition, spec));
        Map<TopicPartition, Long> offsets = new LinkedHashMap<>();
        get(admin.listOffsets(request).all()).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static DeadLetter letter(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new DeadLetter(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key(), record.value(), headers);
    }

    private Map<String, Object> readerConfig() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put("enable.auto.commit", false);
        return config;
    }

    private Map<String, Object> writerConfig() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("Kafka refused: " + ex.getCause().getMessage(), ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("Kafka did not answer within " + TIMEOUT.toSeconds() + " s", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
