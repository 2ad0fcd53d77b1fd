package fr.saisine.notification.message.messaging;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

import fr.saisine.events.EventEnvelope;
import fr.saisine.events.FollowUpLinkIssued;
import fr.saisine.notification.message.domain.FollowUpLinkProperties;
import fr.saisine.notification.message.domain.FollowUpLinkUnannouncedException;
import fr.saisine.notification.message.domain.FollowUpLinks;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.platform.events.EventJson;
import fr.saisine.platform.events.EventPublisher;
import fr.saisine.platform.followup.FollowUpTokens;

/**
 * Each link minted is announced to intake ({@code FollowUpLinkIssued}, with the hash of its token,
 * never the token) on notification-events, and the broker has acknowledged it before the letter
 * carrying it leaves: a link a complainant holds always opens their page. Nothing is stored here:
 * the announcement is the only record that matters, so it goes straight to the broker rather than
 * through a document and the outbox (three writes a letter). A sending whose link the broker did
 * not take is not attempted; the sender tries it again later. A sending that fails after the
 * announcement leaves a link nobody received, which opens nothing; the retry mints another.
 */
@Component
class AnnouncedFollowUpLinks implements FollowUpLinks {

    private final EventPublisher publisher;
    private final EventJson json;
    private final FollowUpLinkProperties properties;
    private final Clock clock;

    AnnouncedFollowUpLinks(EventPublisher publisher, EventJson json, FollowUpLinkProperties properties, Clock clock) {
        this.publisher = publisher;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public OutgoingMessage withLink(OutgoingMessage message) {
        if (!message.text().contains(PLACEHOLDER) && (message.html() == null || !message.html().contains(PLACEHOLDER))) {
            return message;
        }
        String token = FollowUpTokens.mint();
        String hash = FollowUpTokens.hash(token);
        Instant now = clock.instant();
        var issued = EventEnvelope.wrap(new FollowUpLinkIssued(message.reference(), hash, message.recipient(),
                message.recipientName(), message.id(), now), now);
        try {
            publisher.publish(NotificationConfiguration.OUTPUT_BINDING, message.reference(), issued.type(),
                    json.write(issued));
        }
        catch (RuntimeException ex) {
            throw new FollowUpLinkUnannouncedException(message.id(), ex);
        }
        String link = properties.url() + token;
        return message.withBody(message.text().replace(PLACEHOLDER, link),
                message.html() == null ? null : message.html().replace(PLACEHOLDER, link));
    }
}
