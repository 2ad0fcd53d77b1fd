package fr.saisine.events;

import java.time.Instant;

/** A message was handed to the mail server for one recipient. */
public record NotificationDelivered(
        String reference, String messageId, MessageKind kind, String recipient, String subject, Instant sentAt)
        implements Event {
}
