package fr.saisine.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    AcknowledgementWatcher(String bootstrap, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        thread = Thread.ofPlatform().name("ack-watcher").daemon().start(() -> watch(topic));
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
