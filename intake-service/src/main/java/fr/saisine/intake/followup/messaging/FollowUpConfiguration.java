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
import fr.saisine.platform.events.ConsumedEvent;
import fr.saisine.platform.events.EventBatches;

/**
 * Feeds the follow-up read model: the case's lifecycle from complaint-events ({@code followCases}),
 * the links minted and the letters sent from notification-events ({@code followLetters}). Each on a
 * group of its own, so that each document has one writer. Bindings are in application.yml.
 */
@Configuration(proxyBeanMethods = false)
class FollowUpConfiguration {

    /**
     * A poll at once: its routings inserted in one write, then the rest one by one, in order (a
     * case's routing comes before the rest of its lifecycle; see EventBatches for failures).
     */
    @Bean
    Consumer<Message<Object>> followCases(EventBatches batches, FollowUpProjection projection) {
        String span = "consume followCases";
        Consumer<ConsumedEvent> alone = event -> {
            switch (event.payload()) {
                case ComplaintTriaged triaged -> projection.triaged(triaged);
                case ComplaintStatusChanged change -> projection.statusChanged(change);
                case CaseAssigned assigned -> projection.assigned(assigned);
                case CaseMovedToSector move -> projection.moved(move);
                default -> {
                    // a filing, or a complainant's own request: nothing the page shows changes
                }
            }
        };
        return poll -> batches.consume(poll, span, events -> {
            projection.triagedAll(EventBatches.payloads(events, ComplaintTriaged.class));
            batches.each(EventBatches.allBut(events, ComplaintTriaged.class), span, alone);
        }, alone);
    }

    /** A poll at once: its links in one write, its letters in one write for the complaints' first letters. */
    @Bean
    Consumer<Message<Object>> followLetters(EventBatches batches, FollowUpProjection projection) {
        return poll -> batches.consume(poll, "consume followLetters", events -> {
            projection.linksIssued(EventBatches.payloads(events, FollowUpLinkIssued.class));
            projection.lettersSent(EventBatches.payloads(events, NotificationDelivered.class));
        }, event -> {
            switch (event.payload()) {
                case FollowUpLinkIssued issued -> projection.linkIssued(issued);
                case NotificationDelivered delivered -> projection.letterSent(delivered);
                default -> {
                    // a failed letter is not one the complainant received
                }
            }
        });
    }
}
