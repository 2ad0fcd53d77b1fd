package fr.saisine.events;

import java.time.Instant;

/**
 * notification-service wrote a follow-up link into a letter to one recipient, just before handing
 * it to the mail server. Only the SHA-256 of the link's token travels (and is kept, by intake): the
 * token itself exists in that letter and nowhere else.
 */
public record FollowUpLinkIssued(
        String reference, String tokenHash, String recipient, String recipientName, String messageId,
        Instant issuedAt) implements Event {
}
