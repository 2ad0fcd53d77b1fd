package fr.saisine.bench;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import com.mongodb.client.MongoClients;

import fr.saisine.ops.KafkaSignIn;

/**
 * The raw ceilings of this machine, measured in the same run: how fast Kafka takes records of
 * an event's size with the services' producer settings, and how fast the database takes
 * single-document inserts of a complaint's size at the benchmark's concurrency.
 */
final class Ceilings {

    static final String KAFKA_TOPIC = "saisine-bench-ceiling";
    static final String MONGO_DATABASE = "saisine-bench";

    private Ceilings() {
    }

    /** Records per second, acks=all and idempotent, as the services' producers. */
    static double kafkaProducerRate(String bootstrap, int records, byte[] value) {
        Properties config = new Properties();
        config.putAll(KafkaSignIn.clientConfig(bootstrap));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(KAFKA_TOPIC, "warm-up", value)); // metadata, connection
            producer.flush();
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(KAFKA_TOPIC, "26%06d".formatted(i % 1_000_000), value));
            }
            producer.flush();
            return records / seconds(System.nanoTime() - start);
        }
    }

    /** Inserts per second, one document per insert, from {@code concurrency} threads. */
    static double mongoInsertRate(String uri, int documents, int concurrency, Document template) {
        try (var client = MongoClients.create(uri)) {
            var collection = client.getDatabase(MONGO_DATABASE).getCollection("ceiling");
            collection.drop();
            collection.insertOne(new Document(template).append("_id", "warm-up"));
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            try (var pool = Executors.newFixedThreadPool(concurrency)) {
                for (int t = 0; t < concurrency; t++) {
                    pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < documents; i = next.getAndIncrement()) {
                            collection.insertOne(new Document(template).append("_id", "c" + i));
                        }
                    });
                }
            }
            double rate = documents / seconds(System.nanoTime() - start);
            client.getDatabase(MONGO_DATABASE).drop();
            return rate;
        }
    }

    private static double seconds(long nanos) {
        return Duration.ofNanos(nanos).toNanos() / 1e9;
    }
}
