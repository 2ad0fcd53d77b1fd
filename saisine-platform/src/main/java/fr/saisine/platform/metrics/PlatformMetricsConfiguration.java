package fr.saisine.platform.metrics;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import fr.saisine.platform.outbox.Outbox;

/** The figures every service exports alike (docs/operations.md): its outbox backlog and its readiness. */
@AutoConfiguration
public class PlatformMetricsConfiguration {

    @Bean
    BacklogMetrics outboxMetrics(MongoTemplate mongo, Clock clock) {
        return new BacklogMetrics("saisine.outbox.pending", "Events stored but not yet published to Kafka", mongo,
                Outbox.PENDING, "at", clock);
    }

    @Bean
    ReadinessMetrics readinessMetrics(ObjectProvider<HealthEndpoint> health) {
        return new ReadinessMetrics(health);
    }
}
