package fr.saisine.triage.views.messaging;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import fr.saisine.platform.events.EventJson;
import fr.saisine.triage.views.domain.CaseViews;

/**
 * The staff views' feed from case-views ({@code saisine.views.topic}, the topic the case summaries
 * are published to), started with the application, and its readiness: {@code caseViews}, DOWN until
 * the views have caught up, included in the readiness group (application.yml).
 */
@Configuration(proxyBeanMethods = false)
class CaseViewsConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    CaseViewsFeed caseViewsFeed(@Value("${saisine.views.topic}") String topic, KafkaAdmin kafka, EventJson json,
            CaseViews views) {
        // the admin's settings are the service's own client settings (spring.kafka.*: servers, SASL)
        return new CaseViewsFeed(topic, kafka.getConfigurationProperties(), json, views);
    }

    /** Rolls each partition's segment now and then, so that an erased case's named summaries are compacted away. */
    @Bean(destroyMethod = "close")
    CaseViewsSegmentRoll caseViewsSegmentRoll(CaseViewsFeed feed, KafkaAdmin kafka,
            @Value("${saisine.views.segment-roll-every}") Duration every) {
        return new CaseViewsSegmentRoll(feed, kafka.getConfigurationProperties(), every);
    }

    @Bean
    HealthIndicator caseViewsHealthIndicator(CaseViewsFeed feed, CaseViews views) {
        return new CaseViewsReadiness(feed, views);
    }
}
