package fr.saisine.notification.message.sending;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
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

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
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
import fr.saisine.platform.events.EventJson;
import fr.saisine.platform.outbox.OutboxEntry;
import fr.saisine.platform.outbox.OutboxFields;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.polling.PollingWorker;

/**
 * Claims one due message at a time (see {@link #claim}: senders on every instance share the work),
 * sends it, and records the outcome with its event in one write. A sender that dies mid-send
 * leaves its claim to expire; the message is then sent again with the same Message-ID.
 */
final class MailSender extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(MailSender.class);

    static final String CLAIMS_COLLECTION = "message_claims";
    private static final String CLAIM = "claim";
    private static final int CANDIDATES = 16;

    private final MongoCollection<Document> messages;
    private final MongoCollection<Document> claims;
    private final JavaMailSenderImpl mail;
    private final DispatchProperties properties;
    private final EventJson json;
    private final OutboxRelay relay;
    private final Clock clock;

    MailSender(String name, MongoCollection<Document> messages, MongoCollection<Document> claims,
            JavaMailSenderImpl mail, DispatchProperties properties, EventJson json, OutboxRelay relay, Clock clock) {
        super(name, properties.pollInterval(), properties.maxRetryInterval());
        this.messages = messages;
        this.claims = claims;
        this.mail = mail;
        this.properties = properties;
        this.json = json;
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    protected int pollOnce() {
        Instant now = clock.instant();
        Document message = claim(now);
        if (message == null) {
            return 0;
        }
        deliver(message);
        return 1;
    }

    /**
     * Takes the first due message no other sender holds. The hold is an insert into
     * {@code message_claims}, keyed by the message and its version, because inserts on a unique
     * key are the one write FerretDB 1.24 isolates (see docs/ferretdb.md): of two senders that
     * see the same message, one insert fails and that sender moves on.
     */
    private Document claim(Instant now) {
        Date at = Date.from(now);
        Bson due = Filters.or(
                Filters.and(Filters.eq(MessageFields.STATUS, MessageStatus.PENDING.name()),
                        Filters.lte(MessageFields.NEXT_ATTEMPT_AT, at)),
                Filters.and(Filters.eq(MessageFields.STATUS, MessageStatus.SENDING.name()),
                        Filters.lt(MessageFields.LEASE_UNTIL, at)));
        for (Document candidate : messages.find(due).limit(CANDIDATES)) {
            String claim = claimOf(candidate);
            try {
                claims.insertOne(new Document("_id", claim).append("at", at));
            }
            catch (MongoWriteException ex) {
                if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    continue;
                }
                throw ex;
            }
            long held = ((Number) candidate.get(OutboxFields.VERSION)).longValue() + 1;
            messages.updateOne(Filters.eq("_id", candidate.get("_id")), Updates.combine(
                    Updates.set(MessageFields.STATUS, MessageStatus.SENDING.name()),
                    Updates.set(MessageFields.LEASE_UNTIL, Date.from(now.plus(properties.lease()))),
                    Updates.set(OutboxFields.VERSION, held)));
            candidate.put(OutboxFields.VERSION, held);
            candidate.put(CLAIM, claim);
            return candidate;
        }
        return null;
    }

    private static String claimOf(Document message) {
        return message.get("_id") + "@" + message.get(OutboxFields.VERSION);
    }

    private void deliver(Document message) {
        String reference = message.getString(MessageFields.REFERENCE);
        String recipient = message.getString("recipient");
        MessageKind kind = MessageKind.valueOf(message.getString("kind"));
        int attempts = message.getInteger(MessageFields.ATTEMPTS, 0) + 1;
        try {
            mail.send(mimeMessage(message));
        }
        catch (MailParseException | MailPreparationException permanent) {
            fail(message, new NotificationFailed(reference, message.getString("_id"), kind, recipient,
                    permanent.getMessage(), attempts, clock.instant()), permanent);
            return;
        }
        catch (MailException transientFailure) {
            if (attempts >= properties.maxAttempts()) {
                fail(message, new NotificationFailed(reference, message.getString("_id"), kind, recipient,
                        transientFailure.getMessage(), attempts, clock.instant()), transientFailure);
            }
            else {
                retryLater(message, attempts, transientFailure);
            }
            return;
        }
        Instant sentAt = clock.instant();
        record(message, Updates.combine(Updates.set(MessageFields.STATUS, MessageStatus.SENT.name()),
                Updates.set(MessageFields.SENT_AT, Date.from(sentAt)), Updates.unset(MessageFields.LEASE_UNTIL),
                Updates.set(MessageFields.ATTEMPTS, attempts)),
                new NotificationDelivered(reference, message.getString("_id"), kind, recipient,
                        message.getString("subject"), sentAt));
    }

    private void retryLater(Document message, int attempts, MailException cause) {
        Instant next = clock.instant().plus(properties.retryDelay(attempts));
        log.warn("message {} not sent (attempt {} of {}), next try at {}: {}", message.get("_id"), attempts,
                properties.maxAttempts(), next, cause.getMessage());
        record(message, Updates.combine(Updates.set(MessageFields.STATUS, MessageStatus.PENDING.name()),
                Updates.set(MessageFields.ATTEMPTS, attempts), Updates.set(MessageFields.NEXT_ATTEMPT_AT, Date.from(next)),
                Updates.unset(MessageFields.LEASE_UNTIL), Updates.set(MessageFields.LAST_ERROR, cause.getMessage())),
                null);
    }

    private void fail(Document message, NotificationFailed failed, MailException cause) {
        log.error("message {} failed for good after {} attempt(s): {}", message.get("_id"), failed.attempts(),
                cause.getMessage());
        record(message, Updates.combine(Updates.set(MessageFields.STATUS, MessageStatus.FAILED.name()),
                Updates.set(MessageFields.ATTEMPTS, failed.attempts()), Updates.unset(MessageFields.LEASE_UNTIL),
                Updates.set(MessageFields.LAST_ERROR, cause.getMessage())), failed);
    }

    /** Writes the outcome, with its event if any, only if this sender still holds the message. */
    private void record(Document message, Bson outcome, Event event) {
        Bson update = Updates.combine(outcome, Updates.inc(OutboxFields.VERSION, 1L));
        if (event != null) {
            OutboxEntry entry = OutboxEntry.of(EventEnvelope.wrap(event, clock.instant()), json);
            update = Updates.combine(update, Updates.set(OutboxFields.OUTBOX, List.of(entry.asDocument())),
                    Updates.set(OutboxFields.PENDING, true));
        }
        Bson stillOurs = Filters.and(Filters.eq("_id", message.get("_id")),
                Filters.eq(OutboxFields.VERSION, message.get(OutboxFields.VERSION)));
        if (messages.updateOne(stillOurs, update).getMatchedCount() == 0) {
            log.warn("message {} was taken over by another sender while this one sent it", message.get("_id"));
        }
        else if (event != null) {
            relay.wakeUp();
        }
        // the message's version has moved on, so this claim can never match again
        claims.deleteOne(Filters.eq("_id", message.getString(CLAIM)));
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
