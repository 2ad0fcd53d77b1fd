package fr.saisine.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import fr.saisine.ops.KafkaSignIn;

/**
 * Reads notification-events from its current end and keeps, per reference, when its
 * acknowledgement was sent: the moment notification-service recorded it as SENT.
 */
final class AcknowledgementWatcher implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();
    private final JsonMapper json = JsonMapper.builder().build();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    AcknowledgementWatcher(String bootstrap, String topic) {
        ensureTopic(bootstrap, topic);
        Properties config = new Properties();
        config.putAll(KafkaSignIn.clientConfig(bootstrap));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        thread = Thread.ofPlatform().name("ack-watcher").daemon().start(() -> {
            try {
                watch(topic);
            }
            catch (RuntimeException ex) {
                failure = ex;
                positioned.countDown();
            }
        });
    }

    /**
     * On a fresh broker the topic appears only with notification-service's first send: create it
     * now, as the binder would (6 partitions), so that the watcher can be positioned before the run.
     */
    private static void ensureTopic(String bootstrap, String topic) {
        try (Admin admin = Admin.create(KafkaSignIn.clientConfig(bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(6), Optional.empty()))).all().get();
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + topic, ex.getCause());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private void watch(String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        positioned.countDown();
        while (running) {
            for (var record : consumer.poll(Duration.ofMillis(100))) {
                JsonNode event = json.readTree(record.value());
                if ("NotificationDelivered".equals(event.path("type").asString())
                        && "ACKNOWLEDGEMENT".equals(event.at("/payload/kind").asString())) {
                    sentAt.putIfAbsent(record.key(), Instant.parse(event.at("/payload/sentAt").asString()));
                }
            }
        }
        consumer.close();
    }

    void awaitPositioned() throws InterruptedException {
        positioned.await();
        checkAlive();
    }

    /** Stops the run at once if the watcher died, rather than waiting out the time-out. */
    void checkAlive() {
        if (failure != null) {
            throw new IllegalStateException("the acknowledgement watcher failed", failure);
        }
    }

    Instant sentAt(String reference) {
        return sentAt.get(reference);
    }

    int count(Iterable<String> references) {
        int n = 0;
        for (String reference : references) {
            n += sentAt.containsKey(reference) ? 1 : 0;
        }
        return n;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
