package fr.saisine.intake.followup.messaging;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import fr.saisine.events.CaseAssigned;
import fr.saisine.events.CaseMovedToSector;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.FollowUpLinkIssued;
import fr.saisine.events.NotificationDelivered;
import fr.saisine.intake.followup.domain.FollowUpProjection;
import fr.saisine.platform.events.EventJson;

/**
 * Feeds the follow-up read model: the case's lifecycle from complaint-events ({@code followCases}),
 * the links minted and the letters sent from notification-events ({@code followLetters}). Each on a
 * group of its own, so that each document has one writer. Bindings are in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class FollowUpConfiguration {

    @Bean
    Consumer<Message<byte[]>> followCases(EventJson json, FollowUpProjection projection) {
        return message -> json.read(message.getPayload()).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case ComplaintTriaged triaged -> projection.triaged(triaged);
                case ComplaintStatusChanged change -> projection.statusChanged(change);
                case CaseAssigned assigned -> projection.assigned(assigned);
                case CaseMovedToSector move -> projection.moved(move);
                default -> {
                    // a filing, or a complainant's own request: nothing the page shows changes
                }
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> followLetters(EventJson json, FollowUpProjection projection) {
        return message -> json.read(message.getPayload()).ifPresent(envelope -> {
            switch (envelope.payload()) {
                case FollowUpLinkIssued issued -> projection.linkIssued(issued);
                case NotificationDelivered delivered -> projection.letterSent(delivered);
                default -> {
                    // a failed letter is not one the complainant received
                }
            }
        });
    }
}
