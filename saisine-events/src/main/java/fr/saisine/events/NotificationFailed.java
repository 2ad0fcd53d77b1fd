package fr.saisine.events;

import java.time.Instant;

/** A message could not be sent after every retry; staff must reach the recipient another way. */
public record NotificationFailed(
        String reference, String messageId, MessageKind kind, String recipient, String reason, int attempts,
        Instant failedAt) implements Event {
}
