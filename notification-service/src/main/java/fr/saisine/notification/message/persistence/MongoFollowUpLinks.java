package fr.saisine.notification.message.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import fr.saisine.events.EventEnvelope;
import fr.saisine.events.FollowUpLinkIssued;
import fr.saisine.notification.message.domain.FollowUpLinkProperties;
import fr.saisine.notification.message.domain.FollowUpLinks;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.platform.followup.FollowUpTokens;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.store.VersionedStore;

/**
 * Each link minted, kept by the hash of its token ({@code _id}) with its {@code FollowUpLinkIssued}
 * in one insert, before the letter carrying it leaves: a link a complainant holds has always been
 * announced to intake. A sending that fails after this leaves a link nobody received, which opens
 * nothing; the retry mints another.
 */
@Component
class MongoFollowUpLinks implements FollowUpLinks {

    static final String COLLECTION = "follow_up_links";

    /** What is kept of a link: never the token. */
    record IssuedLink(String reference, String recipient, String messageId, Instant issuedAt) {
    }

    private final VersionedStore<IssuedLink> store;
    private final FollowUpLinkProperties properties;
    private final Clock clock;

    MongoFollowUpLinks(MongoTemplate mongo, Outbox outbox, OutboxRelay messageOutboxRelay,
            FollowUpLinkProperties properties, Clock clock) {
        this.store = new VersionedStore<>(mongo, outbox, messageOutboxRelay, COLLECTION, IssuedLink.class, clock);
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
        store.create(hash, new IssuedLink(message.reference(), message.recipient(), message.id(), now),
                List.of(EventEnvelope.wrap(new FollowUpLinkIssued(message.reference(), hash, message.recipient(),
                        message.recipientName(), message.id(), now), now)));
        String link = properties.url() + token;
        return message.withBody(message.text().replace(PLACEHOLDER, link),
                message.html() == null ? null : message.html().replace(PLACEHOLDER, link));
    }
}
