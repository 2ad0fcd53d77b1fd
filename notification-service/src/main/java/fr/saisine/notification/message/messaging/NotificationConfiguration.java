package fr.saisine.notification.message.messaging;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

import fr.saisine.notification.message.persistence.MessageStore;
import fr.saisine.notification.message.persistence.MongoErasures;
import fr.saisine.platform.events.EventBatches;
import fr.saisine.platform.events.EventPublisher;
import fr.saisine.platform.outbox.OutboxProperties;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.polling.JobLeases;

/**
 * The service's flows: complaint-events in ({@code notifyComplainant}), and the relay that
 * publishes what each complainant was told to notification-events. Bindings are in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    static final String OUTPUT_BINDING = "notificationEvents-out-0";
    /** Where the answers to erasure orders go: complaint-events, beside the orders (application.yml). */
    static final String COMPLAINT_BINDING = "complaintEvents-out-0";

    /**
     * Takes complaint-events a poll at once (batch-mode in application.yml): see
     * {@link ComplaintEventsHandler} for what it does with them, {@link EventBatches} for what
     * happens when an event cannot be handled.
     */
    @Bean
    Consumer<Message<Object>> notifyComplainant(EventBatches batches, ComplaintEventsHandler handler) {
        return poll -> batches.consume(poll, ComplaintEventsHandler.SPAN, handler::together, handler::alone);
    }

    @Bean
    OutboxRelay messageOutboxRelay(MongoTemplate mongo, EventPublisher publisher, OutboxProperties properties,
            Clock clock, JobLeases leases) {
        return new OutboxRelay(mongo, publisher, Map.of(MessageStore.COLLECTION, OUTPUT_BINDING,
                MessageStore.outcomes(), OUTPUT_BINDING, MessageStore.followUpLinks(), OUTPUT_BINDING,
                MongoErasures.COLLECTION, COMPLAINT_BINDING, MongoErasures.answers(), COMPLAINT_BINDING),
                properties, clock, leases);
    }
}
