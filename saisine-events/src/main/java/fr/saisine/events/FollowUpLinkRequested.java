package fr.saisine.events;

import java.time.Instant;

/**
 * Someone who lost their follow-up link gave the reference and an address the complaint names:
 * notification-service mails that address a fresh link. {@code requestId} makes each request one letter.
 */
public record FollowUpLinkRequested(String reference, String requestId, String recipient, Instant requestedAt)
        implements Event {
}
