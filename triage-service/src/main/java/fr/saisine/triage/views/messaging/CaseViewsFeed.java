package fr.saisine.triage.views.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.saisine.events.CaseSummary;
import fr.saisine.platform.events.EventJson;
import fr.saisine.platform.events.UnreadableEventException;
import fr.saisine.platform.logging.LogSafe;
import fr.saisine.triage.views.domain.CaseViews;

/**
 * Reads case-views into {@link CaseViews}, from the beginning and for ever, on a thread of its
 * own. It takes every partition itself ({@code assign()}, no consumer group, no committed offset):
 * each triage instance holds all the views, rebuilt at each start from what compaction kept. It
 * has caught up once it has read to the end offsets the topic had when it started: until then
 * the views would show fewer cases than there are, and the instance is not ready.
 */
public final class CaseViewsFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CaseViewsFeed.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final String topic;
    private final Map<String, Object> config;
    private final Map<String, Object> adminConfig;
    private final EventJson json;
    private final CaseViews views;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, byte[]> consumer;

    /** @param clientConfig the service's own Kafka client settings: bootstrap servers, SASL */
    public CaseViewsFeed(String topic, Map<String, Object> clientConfig, EventJson json, CaseViews views) {
        this.topic = topic;
        this.json = json;
        this.views = views;
        this.config = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        this.adminConfig = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                adminConfig.put(key, value);
            }
        });
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        // a topic made by a read would have the broker's defaults: deleted after a week, not compacted
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "case-views-" + Integer.toHexString(System.identityHashCode(this)));
        this.thread = Thread.ofPlatform().name("case-views").daemon().unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /** Whether the views hold everything the topic held when this instance started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        thread.join(Duration.ofSeconds(10));
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(config, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer = kafka;
                follow(kafka);
            }
            catch (WakeupException stopping) {
                return;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (RuntimeException ex) {
                // the broker away, or the topic not there yet: the views wait, the instance is not ready
                log.warn("case views: cannot read {} ({}); again in {}", topic, LogSafe.describe(ex), RETRY);
                pause();
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> kafka) throws InterruptedException {
        ensureCompacted();
        List<TopicPartition> partitions = partitions(kafka);
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions (not created yet?)");
        }
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
        long started = System.nanoTime();
        while (running) {
            // checked before each poll: an empty topic is caught up at once, not after a poll's wait
            if (!caughtUp && end.entrySet().stream().allMatch(e -> kafka.position(e.getKey()) >= e.getValue())) {
                caughtUp = true;
                log.info("case views rebuilt from {}: {} cases from {} records in {} ms", topic, views.size(),
                        end.values().stream().mapToLong(Long::longValue).sum(), (System.nanoTime() - started) / 1_000_000);
            }
            for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                apply(record);
            }
        }
    }

    /**
     * The views are rebuilt from what the topic keeps: only a compacted topic keeps every case's
     * latest summary for ever. A missing topic is created compacted where the service may create
     * one (the docker-compose broker); where it may not (a broker with ACLs, where
     * infra/kafka/access.conf creates it), or where it is not compacted, the views stay not ready,
     * and the log says why, rather than serve queues that silently lose the cases of last week.
     */
    private void ensureCompacted() throws InterruptedException {
        try (Admin admin = Admin.create(adminConfig)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config described;
            try {
                described = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
            }
            catch (ExecutionException ex) {
                if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new IllegalStateException("cannot read the settings of " + topic, ex.getCause());
                }
                create(admin);
                return;
            }
            ConfigEntry policy = described.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            if (policy == null || !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                throw new IllegalStateException(topic + " is not compacted (cleanup.policy="
                        + (policy == null ? "?" : policy.value()) + "): set cleanup.policy=compact on it "
                        + "(infra/kafka/access.conf), or the views would lose every case unchanged for a week");
            }
        }
        catch (java.util.concurrent.TimeoutException ex) {
            throw new IllegalStateException("no answer from the broker about " + topic, ex);
        }
    }

    private void create(Admin admin) throws InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(30, TimeUnit.SECONDS);
            log.info("case views: created {}, compacted", topic);
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(topic + " does not exist and cannot be created here (" + ex.getCause()
                        + "): create it, compacted, as infra/kafka/access.conf says", ex.getCause());
            }
        }
        catch (java.util.concurrent.TimeoutException ex) {
            throw new IllegalStateException("no answer from the broker about creating " + topic, ex);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        List<PartitionInfo> infos = kafka.partitionsFor(topic);
        return infos == null ? List.of()
                : infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private boolean apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return false; // a tombstone: nothing triage writes, nothing to hold
        }
        try {
            return json.read(record.value()).map(envelope -> envelope.payload() instanceof CaseSummary summary
                    && views.apply(summary)).orElse(false);
        }
        catch (UnreadableEventException ex) {
            // the views must not stop for one bad record: it is skipped, and said
            log.error("case views: record {}-{}@{} unreadable, skipped: {}", record.topic(), record.partition(),
                    record.offset(), ex.getMessage());
            return false;
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
