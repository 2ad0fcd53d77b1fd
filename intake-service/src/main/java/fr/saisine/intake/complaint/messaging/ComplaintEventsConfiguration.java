package fr.saisine.intake.complaint.messaging;

import java.time.Clock;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import fr.saisine.platform.events.EventPublisher;
import fr.saisine.platform.outbox.OutboxProperties;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.polling.JobLeases;

/** Publishes the {@code ComplaintSubmitted} events waiting in the complaints' outboxes. */
@Configuration(proxyBeanMethods = false)
class ComplaintEventsConfiguration {

    /** The output binding of complaint-events, declared in application.yml. */
    static final String BINDING = "complaintEvents-out-0";

    @Bean
    OutboxRelay complaintOutboxRelay(MongoTemplate mongo, EventPublisher publisher, OutboxProperties properties,
            Clock clock, JobLeases leases) {
        return new OutboxRelay(mongo, publisher, Map.of("complaints", BINDING), properties, clock, leases);
    }
}
