package fr.saisine.notification.message.messaging;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

import fr.saisine.events.CaseMovedToSector;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.FollowUpLinkRequested;
import fr.saisine.notification.correspondent.CorrespondentDirectory;
import fr.saisine.notification.message.domain.Acknowledgements;
import fr.saisine.notification.message.domain.FollowUpLinkLetters;
import fr.saisine.notification.message.domain.StatusLetters;
import fr.saisine.notification.message.persistence.MessageStore;
import fr.saisine.platform.access.CaseSectors;
import fr.saisine.platform.events.EventJson;
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

    /**
     * Learns who to write to from each submission; once a complaint is routed, learns its sector
     * (whose staff may read its messages) and acknowledges it; then writes at each change of
     * status the complainant should know of, and follows the case when it moves to another sector;
     * mails a fresh follow-up link to whoever lost theirs.
     */
    @Bean
    Consumer<Message<byte[]>> notifyComplainant(EventJson json, CorrespondentDirectory directory,
            CaseSectors sectors, Acknowledgements acknowledgements, StatusLetters statusLetters,
            FollowUpLinkLetters followUpLinkLetters) {
        return message -> json.read(message.getPayload()).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case ComplaintSubmitted submitted -> directory.remember(submitted);
                case ComplaintTriaged triaged -> {
                    sectors.remember(triaged);
                    acknowledgements.acknowledge(triaged);
                }
                case ComplaintStatusChanged change -> statusLetters.statusChanged(change);
                case FollowUpLinkRequested request -> followUpLinkLetters.requested(request);
                case CaseMovedToSector move -> {
                    sectors.moved(move);
                    statusLetters.moved(move);
                }
                default -> {
                    // an assignment, or another service's event: no letter
                }
            }
        });
    }

    @Bean
    OutboxRelay messageOutboxRelay(MongoTemplate mongo, EventPublisher publisher, OutboxProperties properties,
            Clock clock, JobLeases leases) {
        return new OutboxRelay(mongo, publisher, Map.of(MessageStore.COLLECTION, OUTPUT_BINDING,
                MessageStore.outcomes(), OUTPUT_BINDING, MessageStore.followUpLinks(), OUTPUT_BINDING),
                properties, clock, leases);
    }
}
