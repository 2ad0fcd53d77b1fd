package fr.saisine.platform.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;

import fr.saisine.events.DeadLetterReplays;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code saisine_dead_letters{topic}}: the records in each dead-letter topic of this service's
 * consumers, i.e. the events it could not handle and that wait for an operator (./saisine dlq):
 * those written and not yet replayed, read from the broker's offsets and the replays' group
 * (DeadLetterReplays), at most once per {@code maxAge}; nothing is consumed.
 */
public final class DeadLetterMetrics implements MeterBinder, DisposableBean {

    private final List<String> topics;
    private final Admin admin;
    private final CachedReading<Map<String, Long>> counts;

    public DeadLetterMetrics(List<String> topics, Map<String, Object> adminConfig, Duration maxAge) {
        this.topics = List.copyOf(topics);
        this.admin = Admin.create(adminConfig);
        this.counts = new CachedReading<>("dead-letter topics", maxAge, Duration.ofSeconds(2), this::read);
    }

    private Map<String, Long> read() {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new LinkedHashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            described.values().forEach(topic -> topic.partitions().forEach(p -> {
                TopicPartition partition = new TopicPartition(topic.name(), p.partition());
                earliest.put(partition, OffsetSpec.earliest());
                latest.put(partition, OffsetSpec.latest());
            }));
            var from = admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS);
            var to = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> replayed = admin.listConsumerGroupOffsets(DeadLetterReplays.GROUP)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<String, Long> byTopic = new LinkedHashMap<>();
            for (String topic : topics) {
                byTopic.put(topic, 0L);
            }
            to.forEach((partition, end) -> byTopic.merge(partition.topic(),
                    waiting(from.get(partition).offset(), end.offset(), replayed.get(partition)), Long::sum));
            return byTopic;
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new IllegalStateException("the broker did not answer within 10 s", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The records of a partition not yet replayed by an operator (DeadLetterReplays). */
    private static long waiting(long earliest, long end, OffsetAndMetadata replayed) {
        if (replayed == null) {
            return end - earliest;
        }
        long upTo = Math.max(earliest, replayed.offset());
        long replayedBeyond = DeadLetterReplays.beyond(replayed.metadata()).stream()
                .filter(offset -> offset >= upTo && offset < end).count();
        return Math.max(0, end - upTo - replayedBeyond);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String topic : topics) {
            Gauge.builder("saisine.dead.letters", counts, c -> c.as(byTopic -> byTopic.getOrDefault(topic, 0L)))
                    .tag("topic", topic)
                    .description("Events this service's consumers could not handle, waiting in a dead-letter topic")
                    .register(registry);
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(5));
    }
}
