package fr.saisine.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import fr.saisine.platform.access.AccessAudit;
import fr.saisine.platform.access.AccessProblems;
import fr.saisine.platform.access.CaseAccess;
import fr.saisine.platform.access.CaseSectors;
import fr.saisine.platform.events.EventJson;
import fr.saisine.platform.events.EventPublisher;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxProperties;
import fr.saisine.platform.polling.JobLeases;
import fr.saisine.platform.tracing.EventTracing;
import tools.jackson.databind.json.JsonMapper;

/** The pieces every Saisine service shares, ready to inject. */
@AutoConfiguration
@EnableConfigurationProperties(OutboxProperties.class)
public class PlatformAutoConfiguration {

    /** Millisecond ticks: what MongoDB keeps, so a time a service answers is the time it stored. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    EventJson eventJson(JsonMapper jsonMapper) {
        return new EventJson(jsonMapper);
    }

    @Bean
    EventPublisher eventPublisher(StreamBridge streamBridge, EventTracing tracing) {
        return new EventPublisher(streamBridge, tracing);
    }

    @Bean
    AccessAudit accessAudit(EventPublisher publisher, JsonMapper jsonMapper,
            @Value("${spring.application.name}") String service, Clock clock) {
        return new AccessAudit(publisher, jsonMapper, service, clock);
    }

    @Bean
    CaseAccess caseAccess(AccessAudit audit) {
        return new CaseAccess(audit);
    }

    @Bean
    CaseSectors caseSectors(MongoTemplate mongo) {
        return new CaseSectors(mongo);
    }

    @Bean
    AccessProblems accessProblems() {
        return new AccessProblems();
    }

    /**
     * No call to the database waits for ever (saisine.mongodb.read-timeout, 30 s): the fault suite
     * found FerretDB, restarted under load, keeping two writes unanswered while it served every
     * new connection, and the mail senders waiting on them for good. A call that times out fails,
     * is retried on a fresh connection, and the work goes on.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer boundedDatabaseCalls(
            @Value("${saisine.mongodb.read-timeout:30s}") Duration readTimeout) {
        return settings -> settings.applyToSocketSettings(
                socket -> socket.readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Which instance runs each job that should run once (the relay, the progress check). */
    @Bean
    JobLeases jobLeases(MongoTemplate mongo, Clock clock) {
        return new JobLeases(mongo, clock);
    }

    @Bean
    Outbox outbox(MongoTemplate mongo, EventJson json, Clock clock, EventTracing tracing) {
        return new Outbox(mongo, json, clock, tracing);
    }
}
