package fr.saisine.bench;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
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
 * Reads a topic from its current end on a thread of its own, handing each event to
 * {@link #seen}: what the benchmark learns from the stack's events costs the stack nothing.
 */
abstract class TopicWatcher implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    TopicWatcher(String bootstrap, String topic) {
        ensureTopic(bootstrap, topic);
        Properties config = new Properties();
        config.putAll(KafkaSignIn.clientConfig(bootstrap));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        thread = Thread.ofPlatform().name(topic + "-watcher").daemon().start(() -> {
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
     * On a fresh broker a topic appears only with its first send: create it now, as the binder
     * would (6 partitions), so that the watcher can be positioned before the run.
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
                if (record.value() != null && wanted(record.value())) { // a tombstone carries no event
                    seen(record.key(), json.readTree(record.value()));
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
            throw new IllegalStateException("the " + thread.getName() + " failed", failure);
        }
    }

    /** Whether a record may be one {@link #seen} looks for: the others are not parsed, at no cost. */
    boolean wanted(String value) {
        return true;
    }

    /** One event of the topic, with its record's key (the reference), on the watcher's thread. */
    abstract void seen(String key, JsonNode event);

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
