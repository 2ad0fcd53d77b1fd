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

    /** The acknowledgement's id: there is one per complaint and recipient. */
    public static String idOf(String reference, MessageKind kind, String recipient) {
        return reference + ":" + kind + ":" + recipient.strip().toLowerCase(Locale.ROOT);
    }

    /** A status letter's id: the case's version says which change it is about, so each is written once. */
    public static String idOf(String reference, MessageKind kind, long version, String recipient) {
        return reference + ":" + kind + ":v" + version + ":" + recipient.strip().toLowerCase(Locale.ROOT);
    }

    /** A progress notice's id: one per silent period, the period being known by the letter that began it. */
    public static String progressIdOf(String reference, Instant lastLetterAt, String recipient) {
        return reference + ":" + MessageKind.PROGRESS + ":" + lastLetterAt.toEpochMilli() + ":"
                + recipient.strip().toLowerCase(Locale.ROOT);
    }

    public static OutgoingMessage queued(String reference, MessageKind kind, String recipient, String recipientName,
            Letter letter, Instant now) {
        return queued(idOf(reference, kind, recipient), reference, kind, recipient, recipientName, letter, now);
    }

    public static OutgoingMessage queued(String id, String reference, MessageKind kind, String recipient,
            String recipientName, Letter letter, Instant now) {
        return new OutgoingMessage(id, reference, kind, recipient, recipientName, letter.subject(), letter.text(),
                letter.html(), MessageStatus.PENDING, 0, now, null, null);
    }

    /** The same message with another body: what is sent, when it differs from what is kept (FollowUpLinks). */
    public OutgoingMessage withBody(String text, String html) {
        return new OutgoingMessage(id, reference, kind, recipient, recipientName, subject, text, html, status,
                attempts, createdAt, sentAt, lastError);
    }

    /** The same message, handed to the mail server at {@code sentAt} after {@code attempts} tries. */
    public OutgoingMessage sent(int attempts, Instant sentAt) {
        return new OutgoingMessage(id, reference, kind, recipient, recipientName, subject, text, html,
                MessageStatus.SENT, attempts, createdAt, sentAt, lastError);
    }

    /** The same message, given up after {@code attempts} tries, for {@code error}. */
    public OutgoingMessage failed(int attempts, String error) {
        return new OutgoingMessage(id, reference, kind, recipient, recipientName, subject, text, html,
                MessageStatus.FAILED, attempts, createdAt, sentAt, error);
    }

    public boolean isDone() {
        return status == MessageStatus.SENT || status == MessageStatus.FAILED;
    }
}
