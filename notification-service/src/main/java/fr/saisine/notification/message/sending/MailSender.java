package fr.saisine.notification.message.sending;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import fr.saisine.events.Event;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.MessageKind;
import fr.saisine.events.NotificationDelivered;
import fr.saisine.events.NotificationFailed;
import fr.saisine.notification.message.domain.MessageStatus;
import fr.saisine.notification.message.persistence.MessageFields;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxEntry;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.polling.PollingWorker;

/**
 * Takes due messages from the {@link MailQueue}, one claim at a time, sends each, and records the
 * outcome with its event in one write. A sender that dies mid-send leaves its hold to expire
 * (the lease); the message is then sent again, with the same Message-ID.
 */
final class MailSender extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(MailSender.class);
    private static final int BATCH = 64;

    private final MailQueue queue;
    private final MongoCollection<Document> messages;
    private final JavaMailSenderImpl mail;
    private final DispatchProperties properties;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    MailSender(String name, MailQueue queue, MongoCollection<Document> messages, JavaMailSenderImpl mail,
            DispatchProperties properties, Outbox outbox, OutboxRelay relay, Clock clock) {
        super(name, properties.pollInterval(), properties.maxRetryInterval());
        this.queue = queue;
        this.messages = messages;
        this.mail = mail;
        this.properties = properties;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Works through a batch of due entries per read of the queue (on FerretDB every read of it
     * is a scan), in an order of its own so that senders mostly claim different entries.
     */
    @Override
    protected int pollOnce() {
        Instant now = clock.instant();
        List<MailQueue.Entry> due = new ArrayList<>(queue.due(now, BATCH));
        Collections.shuffle(due);
        int handled = 0;
        for (MailQueue.Entry entry : due) {
            if (queue.claim(entry, clock.instant().plus(properties.lease()))) {
                try {
                    handle(entry);
                }
                finally {
                    queue.release(entry);
                }
                handled++;
            }
        }
        return handled;
    }

    private void handle(MailQueue.Entry entry) {
        Document message = messages.find(Filters.eq("_id", entry.messageId())).first();
        if (message == null) {
            // queued just before its message was stored: look again shortly, unless that write never happened
            if (Duration.between(entry.queuedAt(), clock.instant()).compareTo(properties.lease()) > 0) {
                queue.remove(entry.messageId());
            }
            else {
                queue.reschedule(entry.messageId(), clock.instant().plus(properties.pollInterval()));
            }
            return;
        }
        MessageStatus status = MessageStatus.valueOf(message.getString(MessageFields.STATUS));
        if (status == MessageStatus.SENT || status == MessageStatus.FAILED) {
            queue.remove(entry.messageId());
            return;
        }
        deliver(message);
    }

    private void deliver(Document message) {
        String id = message.getString("_id");
        String reference = message.getString(MessageFields.REFERENCE);
        String recipient = message.getString("recipient");
        MessageKind kind = MessageKind.valueOf(message.getString("kind"));
        int attempts = message.getInteger(MessageFields.ATTEMPTS, 0) + 1;
        try {
            mail.send(mimeMessage(message));
        }
        catch (MailParseException | MailPreparationException permanent) {
            fail(id, new NotificationFailed(reference, id, kind, recipient, permanent.getMessage(), attempts,
                    clock.instant()), permanent);
            return;
        }
        catch (MailException transientFailure) {
            if (attempts >= properties.maxAttempts()) {
                fail(id, new NotificationFailed(reference, id, kind, recipient, transientFailure.getMessage(),
                        attempts, clock.instant()), transientFailure);
            }
            else {
                retryLater(id, attempts, transientFailure);
            }
            return;
        }
        Instant sentAt = clock.instant();
        finish(id, Updates.combine(Updates.set(MessageFields.STATUS, MessageStatus.SENT.name()),
                Updates.set(MessageFields.SENT_AT, Date.from(sentAt)), Updates.set(MessageFields.ATTEMPTS, attempts)),
                new NotificationDelivered(reference, id, kind, recipient, message.getString("subject"), sentAt));
    }

    private void retryLater(String id, int attempts, MailException cause) {
        Instant next = clock.instant().plus(properties.retryDelay(attempts));
        log.warn("message {} not sent (attempt {} of {}), next try at {}: {}", id, attempts, properties.maxAttempts(),
                next, cause.getMessage());
        messages.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set(MessageFields.STATUS, MessageStatus.PENDING.name()),
                Updates.set(MessageFields.ATTEMPTS, attempts), Updates.set(MessageFields.NEXT_ATTEMPT_AT, Date.from(next)),
                Updates.set(MessageFields.LAST_ERROR, cause.getMessage())));
        queue.reschedule(id, next);
    }

    private void fail(String id, NotificationFailed failed, MailException cause) {
        log.error("message {} failed for good after {} attempt(s): {}", id, failed.attempts(), cause.getMessage());
        finish(id, Updates.combine(Updates.set(MessageFields.STATUS, MessageStatus.FAILED.name()),
                Updates.set(MessageFields.ATTEMPTS, failed.attempts()),
                Updates.set(MessageFields.LAST_ERROR, cause.getMessage())), failed);
    }

    /** Records the final outcome with its event, then takes the message off the queue. */
    private void finish(String id, Bson outcome, Event event) {
        OutboxEntry entry = outbox.prepare(MessageFields.COLLECTION, id, EventEnvelope.wrap(event, clock.instant()));
        messages.updateOne(Filters.eq("_id", id), Updates.combine(outcome, Updates.push(Outbox.FIELD, entry.asDocument())));
        queue.remove(id);
        relay.wakeUp();
    }

    private MimeMessage mimeMessage(Document message) {
        try {
            String messageId = "<" + message.getString("_id").replaceAll("[^A-Za-z0-9.]", ".") + "@"
                    + properties.messageIdDomain() + ">";
            MimeMessage mime = new IdentifiedMimeMessage(mail.getSession(), messageId);
            MimeMessageHelper letter = new MimeMessageHelper(mime, true, "UTF-8");
            letter.setFrom(properties.from());
            letter.setTo(new InternetAddress(message.getString("recipient"), message.getString("recipientName"),
                    "UTF-8"));
            letter.setSubject(message.getString("subject"));
            letter.setText(message.getString("text"), message.getString("html"));
            mime.setHeader("X-Saisine-Reference", message.getString(MessageFields.REFERENCE));
            return mime;
        }
        catch (MessagingException | UnsupportedEncodingException ex) {
            throw new MailPreparationException("cannot write message " + message.get("_id") + ": " + ex.getMessage(), ex);
        }
    }
}
