package fr.saisine.intake.complaint.messaging;

import java.time.Clock;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import fr.saisine.intake.followup.persistence.MongoComplainantRequests;
import fr.saisine.platform.events.EventPublisher;
import fr.saisine.platform.outbox.OutboxProperties;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.polling.JobLeases;

/**
 * Publishes the events waiting in outboxes: each complaint's {@code ComplaintSubmitted}, and the
 * complainants' requests (answers, withdrawals, fresh links).
 */
@Configuration(proxyBeanMethods = false)
class ComplaintEventsConfiguration {

    /** The output binding of complaint-events, declared in application.yml. */
    static final String BINDING = "complaintEvents-out-0";

    @Bean
    OutboxRelay complaintOutboxRelay(MongoTemplate mongo, EventPublisher publisher, OutboxProperties properties,
            Clock clock, JobLeases leases) {
        // one relay for the service: the complaints, and what complainants ask through their follow-up links
        return new OutboxRelay(mongo, publisher, Map.of("complaints", BINDING, MongoComplainantRequests.COLLECTION, BINDING),
                properties, clock, leases);
    }
}
