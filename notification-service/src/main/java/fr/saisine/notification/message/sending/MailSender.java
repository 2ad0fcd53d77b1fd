package fr.saisine.notification.message.sending;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import fr.saisine.events.Event;
import fr.saisine.events.NotificationDelivered;
import fr.saisine.events.NotificationFailed;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.notification.message.persistence.MessageStore;
import fr.saisine.platform.polling.PollingWorker;
import fr.saisine.platform.store.Versioned;
import fr.saisine.platform.tracing.EventTracing;

/**
 * Takes due messages from the {@link MailQueue}, one claim at a time, sends each, and records the
 * outcome with its event in one write. A sender that dies mid-send leaves its hold to expire
 * (the lease); the message is then sent again, with the same Message-ID.
 */
final class MailSender extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(MailSender.class);
    private static final int BATCH = 64;

    private final MailQueue queue;
    private final MessageStore messages;
    private final JavaMailSenderImpl mail;
    private final DispatchProperties properties;
    private final Clock clock;
    private final LetterOutcomes outcomes;
    private final EventTracing tracing;

    MailSender(String name, MailQueue queue, MessageStore messages, JavaMailSenderImpl mail,
            DispatchProperties properties, Clock clock, LetterOutcomes outcomes, EventTracing tracing) {
        super(name, properties.pollInterval(), properties.maxRetryInterval());
        this.queue = queue;
        this.messages = messages;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
        this.outcomes = outcomes;
        this.tracing = tracing;
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
                    tracing.continueTrace(entry.traceparent(), "send letter", null, () -> handle(entry));
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
        Optional<Versioned<OutgoingMessage>> message = messages.find(entry.messageId());
        if (message.isEmpty()) {
            // queued just before its message was stored: look again shortly, unless that write never happened
            if (Duration.between(entry.queuedAt(), clock.instant()).compareTo(properties.lease()) > 0) {
                queue.remove(entry.messageId());
            }
            else {
                queue.reschedule(entry.messageId(), clock.instant().plus(properties.pollInterval()));
            }
            return;
        }
        if (message.get().state().isDone()) {
            queue.remove(entry.messageId());
            return;
        }
        MDC.put(EventTracing.REFERENCE, message.get().state().reference());
        deliver(message.get());
    }

    private void deliver(Versioned<OutgoingMessage> attempt) {
        OutgoingMessage message = attempt.state();
        int attempts = message.attempts() + 1;
        try {
            mail.send(mimeMessage(message));
        }
        catch (MailParseException | MailPreparationException permanent) {
            fail(attempt, attempts, permanent);
            return;
        }
        catch (MailException transientFailure) {
            if (attempts >= properties.maxAttempts()) {
                fail(attempt, attempts, transientFailure);
            }
            else {
                retryLater(message.id(), attempts, transientFailure);
            }
            return;
        }
        Instant sentAt = clock.instant();
        finish(attempt, message.sent(attempts, sentAt), new NotificationDelivered(message.reference(), message.id(),
                message.kind(), message.recipient(), message.subject(), sentAt));
    }

    private void retryLater(String id, int attempts, MailException cause) {
        Instant next = clock.instant().plus(properties.retryDelay(attempts));
        log.warn("message {} not sent (attempt {} of {}), next try at {}: {}", id, attempts, properties.maxAttempts(),
                next, cause.getMessage());
        messages.attemptFailed(id, attempts, next, cause.getMessage());
        queue.reschedule(id, next);
    }

    private void fail(Versioned<OutgoingMessage> attempt, int attempts, MailException cause) {
        OutgoingMessage message = attempt.state();
        log.error("message {} failed for good after {} attempt(s): {}", message.id(), attempts, cause.getMessage());
        finish(attempt, message.failed(attempts, cause.getMessage()), new NotificationFailed(message.reference(),
                message.id(), message.kind(), message.recipient(), cause.getMessage(), attempts, clock.instant()));
    }

    /** Records the outcome with its event, once, then takes the message off the queue. */
    private void finish(Versioned<OutgoingMessage> attempt, OutgoingMessage outcome, Event event) {
        if (!messages.recordOutcome(attempt, outcome, event)) {
            log.warn("message {}: another sender recorded its outcome first", attempt.id());
        }
        else if (event instanceof NotificationDelivered) {
            log.info("{} letter of {} sent", outcome.kind(), outcome.reference());
            outcomes.sent(outcome.kind());
        }
        else {
            outcomes.failed(outcome.kind());
        }
        queue.remove(attempt.id());
    }

    private MimeMessage mimeMessage(OutgoingMessage message) {
        try {
            String messageId = "<" + message.id().replaceAll("[^A-Za-z0-9.]", ".") + "@"
                    + properties.messageIdDomain() + ">";
            MimeMessage mime = new IdentifiedMimeMessage(mail.getSession(), messageId);
            MimeMessageHelper letter = new MimeMessageHelper(mime, true, "UTF-8");
            letter.setFrom(properties.from());
            letter.setTo(new InternetAddress(message.recipient(), message.recipientName(), "UTF-8"));
            letter.setSubject(message.subject());
            letter.setText(message.text(), message.html());
            mime.setHeader("X-Saisine-Reference", message.reference());
            return mime;
        }
        catch (MessagingException | UnsupportedEncodingException ex) {
            throw new MailPreparationException("cannot write message " + message.id() + ": " + ex.getMessage(), ex);
        }
    }
}
