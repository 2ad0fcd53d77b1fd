package fr.saisine.platform.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;

import fr.saisine.platform.outbox.Outbox;

/**
 * The figures every service exports alike (docs/operations.md): its outbox backlog, its dead letters,
 * its readiness and the documents it writes.
 */
@AutoConfiguration
public class PlatformMetricsConfiguration {

    @Bean
    BacklogMetrics outboxMetrics(MongoTemplate mongo, Clock clock) {
        return new BacklogMetrics("saisine.outbox.pending", "Events stored but not yet published to Kafka", mongo,
                Outbox.PENDING, "at", clock);
    }

    @Bean
    DatabaseWrites databaseWrites() {
        return new DatabaseWrites();
    }

    /** Every command of this service's MongoDB client passes the write counter. */
    @Bean
    MongoClientSettingsBuilderCustomizer countedDatabaseWrites(DatabaseWrites writes) {
        return settings -> settings.addCommandListener(writes);
    }

    @Bean
    ReadinessMetrics readinessMetrics(ObjectProvider<HealthEndpoint> health) {
        return new ReadinessMetrics(health);
    }

    /** A consumer binding's dead-letter topic, as the Kafka binder's properties name it. */
    record KafkaBinding(Consumer consumer) {
        record Consumer(String dlqName) {
        }
    }

    /** Every dead-letter topic this service's consumers write to (their {@code dlq-name}). */
    @Bean
    DeadLetterMetrics deadLetterMetrics(Environment environment, KafkaAdmin kafka,
            @Value("${saisine.metrics.max-age:30s}") Duration maxAge) {
        List<String> topics = Binder.get(environment)
                .bind("spring.cloud.stream.kafka.bindings", Bindable.mapOf(String.class, KafkaBinding.class))
                .orElse(Map.of()).values().stream()
                .filter(binding -> binding.consumer() != null && binding.consumer().dlqName() != null)
                .map(binding -> binding.consumer().dlqName()).distinct().sorted().toList();
        return new DeadLetterMetrics(topics, kafka.getConfigurationProperties(), maxAge);
    }
}
