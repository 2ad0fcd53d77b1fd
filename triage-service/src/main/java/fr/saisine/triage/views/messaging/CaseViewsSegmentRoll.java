package fr.saisine.triage.views.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import fr.saisine.platform.polling.PollingWorker;

/**
 * Keeps the compaction of case-views moving on partitions where no case changes. Kafka rolls a
 * segment only when a record arrives after {@code segment.ms}, and never compacts the segment still
 * being written: an erased case's anonymised summary, last in a quiet partition, would stay there,
 * and the named summaries before it would be kept for ever. So every {@code every} (an hour) each
 * partition gets a tombstone of a key no case has ({@link #KEY}; readers skip tombstones), which
 * rolls the segment once {@code segment.ms} has passed: a replaced summary is gone within
 * segment.ms + this interval + max.compaction.lag.ms (docs/adr/0001-personal-data-in-kafka.md).
 * Every instance may send them: a few records an hour, which compaction removes in turn.
 */
class CaseViewsSegmentRoll extends PollingWorker implements AutoCloseable {

    /** Not a reference (eight digits): never a case's key. */
    static final String KEY = "segment-roll";

    private final String topic;
    private final CaseViewsFeed feed;
    private final KafkaProducer<String, byte[]> producer;

    CaseViewsSegmentRoll(CaseViewsFeed feed, Map<String, Object> clientConfig, Duration every) {
        super("case-views-segment-roll", every, every);
        this.topic = feed.topic();
        this.feed = feed;
        Map<String, Object> config = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "case-views-segment-roll");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * One tombstone to each partition; 0, so that the next comes after the interval. Not before the
     * views have read the topic: it exists then, made compacted (a send could have the broker make
     * it with its defaults).
     */
    @Override
    protected int pollOnce() {
        if (!feed.caughtUp()) {
            return 0;
        }
        List<PartitionInfo> partitions = producer.partitionsFor(topic);
        List<Future<RecordMetadata>> sent = partitions.stream()
                .map(p -> producer.send(new ProducerRecord<String, byte[]>(topic, p.partition(), KEY, null))).toList();
        try {
            for (Future<RecordMetadata> each : sent) {
                each.get();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("could not roll the segments of " + topic, ex.getCause());
        }
        return 0;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
