package fr.saisine.notification.message.domain;

import java.time.Instant;
import java.util.Locale;

import fr.saisine.events.MessageKind;

/**
 * One letter to one recipient about one complaint. Its id is that natural key, so that the same
 * letter can never be queued twice, whatever is redelivered.
 */
public record OutgoingMessage(
        String id,
        String reference,
        MessageKind kind,
        String recipient,
        String recipientName,
        String subject,
        String text,
        String html,
        MessageStatus status,
        int attempts,
        Instant createdAt,
        Instant sentAt,
        String lastError) {

    public static String idOf(String reference, MessageKind kind, String recipient) {
        return reference + ":" + kind + ":" + recipient.strip().toLowerCase(Locale.ROOT);
    }

    public static OutgoingMessage queued(String reference, MessageKind kind, String recipient, String recipientName,
            Letter letter, Instant now) {
        return new OutgoingMessage(idOf(reference, kind, recipient), reference, kind, recipient, recipientName,
                letter.subject(), letter.text(), letter.html(), MessageStatus.PENDING, 0, now, null, null);
    }
}
