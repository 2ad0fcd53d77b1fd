package fr.saisine.notification.message.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import fr.saisine.events.MessageKind;
import fr.saisine.notification.message.domain.MessageStatus;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.platform.outbox.OutboxEntry;

/** A message, its delivery state, and the events that announced its outcome (see {@code Outbox}). */
@Document(MessageFields.COLLECTION)
record MessageDocument(
        @Id String id,
        String reference,
        MessageKind kind,
        String recipient,
        String recipientName,
        String subject,
        String text,
        String html,
        MessageStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant sentAt,
        String lastError,
        List<OutboxEntry> outbox) {

    static MessageDocument of(OutgoingMessage m) {
        return new MessageDocument(m.id(), m.reference(), m.kind(), m.recipient(), m.recipientName(), m.subject(),
                m.text(), m.html(), m.status(), m.attempts(), m.createdAt(), m.createdAt(), m.sentAt(), m.lastError(),
                List.of());
    }

    OutgoingMessage toMessage() {
        return new OutgoingMessage(id, reference, kind, recipient, recipientName, subject, text, html, status,
                attempts, createdAt, sentAt, lastError);
    }
}
