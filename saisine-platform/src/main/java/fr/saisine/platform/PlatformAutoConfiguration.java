package fr.saisine.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import fr.saisine.platform.access.AccessAudit;
import fr.saisine.platform.access.AccessProblems;
import fr.saisine.platform.access.CaseAccess;
import fr.saisine.platform.access.CaseSectors;
import fr.saisine.platform.events.BatchDeadLetters;
import fr.saisine.platform.events.EventBatches;
import fr.saisine.platform.events.EventJson;
import fr.saisine.platform.events.EventPublisher;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxProperties;
import fr.saisine.platform.polling.JobLeases;
import fr.saisine.platform.store.ErasedPages;
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
    EventBatches eventBatches(EventJson json, EventTracing tracing) {
        return new EventBatches(json, tracing);
    }

    /**
     * Retries and dead letters for the bindings that consume a poll at once. Its producer is the
     * binder's settings (the same broker, principal and rights) writing bytes; it connects only
     * when a record is dead-lettered.
     */
    @Bean
    BatchDeadLetters batchDeadLetters(KafkaProperties kafka) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.CLIENT_ID_CONFIG, "saisine-dead-letters");
        DefaultKafkaProducerFactory<byte[], byte[]> factory = new DefaultKafkaProducerFactory<>(producer,
                new ByteArraySerializer(), new ByteArraySerializer());
        return new BatchDeadLetters(new KafkaTemplate<>(factory));
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

    /** Compacts the collections an erasure touched, so that no file keeps what it erased. */
    @Bean
    ErasedPages erasedPages(MongoTemplate mongo,
            @Value("${saisine.retention.compact-after:PT10S}") Duration compactAfter) {
        return new ErasedPages(mongo.getDb(), compactAfter);
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
