package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.saisine.events.Topics;
import fr.saisine.testsupport.KafkaPrincipals;
import fr.saisine.testsupport.TestServers;

/**
 * Each service signs in to the broker as its own principal and may use only what
 * infra/kafka/access.conf grants it (the rest of the end-to-end tests run the services so, on
 * the same grants): here, what it is refused.
 */
class KafkaRightsIntegrationTests {

    static TestServers.Addresses servers;

    @BeforeAll
    static void aBrokerThatAsksWhoIsThere() {
        servers = TestServers.addresses();
        assumeFalse(servers.kafka().passwords().isEmpty(),
                "the broker of the Testcontainers path asks for no sign-in; ./saisine test's does");
    }

    @Test
    void notificationServiceReadsTheLifecycleButMayNotWriteTheStaffViews() throws Exception {
        try (var consumer = consumer("notification-service", servers.kafka().password("notification-service"))) {
            TopicPartition partition = new TopicPartition(Topics.COMPLAINT_EVENTS, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            consumer.poll(Duration.ofSeconds(2)); // allowed: no exception
            assertThat(consumer.position(partition)).isGreaterThanOrEqualTo(0);
        }
        try (var producer = producer("notification-service", servers.kafka().password("notification-service"))) {
            // it writes complaint-events (its answers to erasure orders), never triage's case summaries
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.CASE_VIEWS, "2026-000001", "{}"))
                    .get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void notificationServiceMayNotReadTheAuditTrail() {
        try (var consumer = consumer("notification-service", servers.kafka().password("notification-service"))) {
            consumer.assign(List.of(new TopicPartition(Topics.AUDIT_EVENTS, 0)));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 10; i++) {
                    consumer.poll(Duration.ofSeconds(1));
                }
            }).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceWithTheWrongPasswordIsNotLetIn() {
        try (var producer = producer("triage-service", "not-" + servers.kafka().password("triage-service"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.COMPLAINT_EVENTS, "2026-000001", "{}"))
                    .get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static Map<String, Object> signedInAs(String principal, String password) {
        Map<String, Object> config = new HashMap<>(
                new KafkaPrincipals(servers.kafka().securityProtocol(), Map.of(principal, password))
                        .clientSecurity(principal));
        config.put("bootstrap.servers", servers.kafkaBootstrap());
        return config;
    }

    private static KafkaConsumer<String, String> consumer(String principal, String password) {
        Map<String, Object> config = signedInAs(principal, password);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static KafkaProducer<String, String> producer(String principal, String password) {
        Map<String, Object> config = signedInAs(principal, password);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
