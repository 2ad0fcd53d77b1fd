package fr.saisine.notification.message.sending;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import fr.saisine.events.Event;
import fr.saisine.events.NotificationDelivered;
import fr.saisine.events.NotificationFailed;
import fr.saisine.notification.message.domain.DecisionPdfs;
import fr.saisine.notification.message.domain.FollowUpLinkUnannouncedException;
import fr.saisine.notification.message.domain.LetterWriter;
import fr.saisine.notification.message.domain.SendingDay;
import fr.saisine.notification.message.domain.FollowUpLinks;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.notification.message.persistence.MessageStore;
import fr.saisine.platform.logging.LogSafe;
import fr.saisine.platform.polling.PollingWorker;
import fr.saisine.platform.store.Versioned;
import fr.saisine.platform.tracing.EventTracing;

/**
 * Takes due messages from the {@link MailQueue}, a few claims at a time, sends each, and records
 * the outcome with its event in one write. A letter costs three writes to the queue: its entry, the
 * claim of the attempt (kept, never released), and the entry's removal, the last two made for
 * several letters at once; a retry moves the entry to its next try, which is claimed under a new
 * key. A sender holds an attempt for a short lease, the claim's time renewed every third of it
 * until it has sent and recorded the outcome, so that a sender that dies mid-send leaves it to
 * another within one lease (30 s by default), which sends it again with the same Message-ID: what
 * a mail client shows once. A mail server that cannot be reached,
 * or that answers it takes no mail for now (421, or a 4xx whose enhanced status is of the mail
 * system or the network: 4.3.x, 4.4.x, RFC 3463), is the server's condition, not the letter's:
 * such a try is not counted against the letter's attempts and comes again after
 * {@code first-retry-after}, so letters go within that time of the server's return, however long
 * it was away. Other refusals (a full mailbox, an unknown address) are the letter's, and back off.
 */
final class MailSender extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(MailSender.class);
    private static final int BATCH = 64;
    /**
     * Entries claimed with one insert, and removed with one command once sent: a few, for an
     * attempt waits while those before it in the batch are sent (renewed all the while).
     */
    private static final int CLAIMED_AT_ONCE = 8;
    /** Reading the queue failed (the database is away): look again at most this long after it returns */
    private static final Duration MAX_POLL_BACKOFF = Duration.ofSeconds(10);

    private final MailQueue queue;
    private final MessageStore messages;
    private final MimeLetters letters;
    private final DispatchProperties properties;
    private final Clock clock;
    private final LetterOutcomes outcomes;
    private final EventTracing tracing;
    private final FollowUpLinks links;

    MailSender(String name, MailQueue queue, MessageStore messages, JavaMailSenderImpl mail,
            DispatchProperties properties, Clock clock, LetterOutcomes outcomes, EventTracing tracing,
            FollowUpLinks links, DecisionPdfs pdfs) {
        super(name, properties.pollInterval(), MAX_POLL_BACKOFF);
        this.queue = queue;
        this.messages = messages;
        this.letters = new MimeLetters(mail, properties, pdfs);
        this.properties = properties;
        this.clock = clock;
        this.outcomes = outcomes;
        this.tracing = tracing;
        this.links = links;
    }

    /**
     * Works through a batch of due entries per read of the queue (on FerretDB every read of it
     * is a scan), in an order of its own so that senders mostly claim different entries, a few at
     * a time: their claims in one insert, their removals, once sent, in one command. A few, at most
     * {@link #CLAIMED_AT_ONCE} and no more than this sender's share of what is due, so that a short
     * queue is still sent by all the senders side by side.
     */
    @Override
    protected int pollOnce() {
        List<MailQueue.Entry> due = new ArrayList<>(queue.due(clock.instant(), BATCH));
        Collections.shuffle(due);
        int atOnce = Math.clamp(Math.ceilDiv(due.size(), properties.senders()), 1, CLAIMED_AT_ONCE);
        int handled = 0;
        for (int from = 0; from < due.size(); from += atOnce) {
            List<MailQueue.Entry> some = due.subList(from, Math.min(due.size(), from + atOnce));
            Instant claimedAt = clock.instant();
            Map<MailQueue.Entry, String> held = queue.claimAll(some, claimedAt, properties.lease());
            if (!held.isEmpty()) {
                sendAll(held, claimedAt);
                handled += held.size();
            }
        }
        return handled;
    }

    /**
     * Sends the letters held one after the other over one connection to the mail server (opened
     * again after a failure), their claims renewed all the while, then takes
     * those done off the queue. A crash before the removal leaves entries whose letters are done:
     * the takeover, a lease later, finds them done and removes them, sending nothing. A failure (the
     * database gone, mostly) stops the rest, and claims held too long unrenewed stop it too: the
     * letters not yet tried wait for the takeover of their claims, a lease.
     */
    private void sendAll(Map<MailQueue.Entry, String> held, Instant claimedAt) {
        List<String> done = new ArrayList<>();
        try (ClaimHold hold = new ClaimHold(queue, held.values(), claimedAt, properties.lease(), clock);
                MimeLetters.Connection connection = letters.connect()) {
            // read together: under a first claim no other sender has the letter. Under a claim taken
            // over from a sender that stopped renewing, that sender may yet wake and finish it: such a
            // letter is read again just before it is sent, as close to the send as one read can be
            Map<String, Versioned<OutgoingMessage>> stored = messages.findAll(
                    held.keySet().stream().map(MailQueue.Entry::messageId).toList());
            for (Map.Entry<MailQueue.Entry, String> claim : held.entrySet()) {
                MailQueue.Entry entry = claim.getKey();
                if (!hold.safe()) {
                    log.warn("claims held unrenewed for half a lease: the letters not yet sent are left to the takeover");
                    break;
                }
                Optional<Versioned<OutgoingMessage>> message = claim.getValue().equals(entry.claimKey())
                        ? Optional.ofNullable(stored.get(entry.messageId())) : messages.find(entry.messageId());
                tracing.continueTrace(entry.traceparent(), "send letter", null,
                        () -> handle(entry, message, done, connection));
            }
        }
        finally {
            try {
                queue.removeAll(done);
            }
            finally {
                held.keySet().forEach(entry -> queue.letGo(entry, clock.instant(), properties.lease()));
            }
        }
    }

    /** Sends the entry's letter, as stored, or does what else it needs; adds it to {@code done} when it can leave the queue. */
    private void handle(MailQueue.Entry entry, Optional<Versioned<OutgoingMessage>> message, List<String> done,
            MimeLetters.Connection connection) {
        if (message.isEmpty()) {
            // messages are stored before they are queued, but an older instance queued first (a rolling
            // upgrade): look again shortly, and drop the entry once its message is a lease late, never written
            if (Duration.between(entry.queuedAt(), clock.instant()).compareTo(properties.lease()) > 0) {
                done.add(entry.messageId());
            }
            else {
                queue.reschedule(entry.messageId(), clock.instant().plus(properties.pollInterval()));
            }
            return;
        }
        if (message.get().state().isDone()) {
            done.add(entry.messageId());
            return;
        }
        MDC.put(EventTracing.REFERENCE, message.get().state().reference());
        if (deliver(message.get(), connection)) {
            done.add(entry.messageId());
        }
    }

    /** @return true when the attempt ended the letter (sent, or failed for good), false when it waits for another try */
    private boolean deliver(Versioned<OutgoingMessage> attempt, MimeLetters.Connection connection) {
        OutgoingMessage message = attempt.state();
        int attempts = message.attempts() + 1;
        // a link of its own for this sending, in the email only; the letter kept has the placeholder
        OutgoingMessage sending;
        try {
            sending = links.withLink(message);
        }
        catch (FollowUpLinkUnannouncedException unannounced) {
            // the broker's condition, not the letter's: not counted, tried again as for a server away
            retryLater(message.id(), message.attempts(), properties.firstRetryAfter(), unannounced);
            return false;
        }
        // the day the mail server takes it, and the indicative last day to appeal computed from that
        // day, are written in the email now (the letter kept has their placeholders)
        sending = SendingDay.fill(sending, LocalDate.ofInstant(clock.instant(), LetterWriter.FRANCE));
        try {
            connection.send(sending);
        }
        catch (MailParseException | MailPreparationException permanent) {
            fail(attempt, attempts, permanent);
            return true;
        }
        catch (MailException transientFailure) {
            if (serverUnreachable(transientFailure) || serverNotTakingMail(transientFailure)) {
                retryLater(message.id(), message.attempts(), properties.firstRetryAfter(), transientFailure);
                return false;
            }
            if (attempts >= properties.maxAttempts()) {
                fail(attempt, attempts, transientFailure);
                return true;
            }
            retryLater(message.id(), attempts, properties.retryDelay(attempts), transientFailure);
            return false;
        }
        Instant sentAt = clock.instant();
        finish(attempt, message.sent(attempts, sentAt), new NotificationDelivered(message.reference(), message.id(),
                message.kind(), message.recipient(), message.subject(), sentAt));
        return true;
    }

    /** No answer from the mail server at all (refused, timed out, cut): nothing the letter can help. */
    static boolean serverUnreachable(MailException failure) {
        List<Throwable> failures = new ArrayList<>(List.of(failure));
        if (failure instanceof MailSendException send) {
            failures.addAll(List.of(send.getMessageExceptions()));
        }
        for (Throwable each : failures) {
            for (Throwable cause = each; cause != null; cause = cause.getCause()) {
                if (cause instanceof SocketException || cause instanceof SocketTimeoutException
                        || cause instanceof UnknownHostException) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The server answered, but says it takes no mail from anyone for now (RFC 5321 421; RFC 3463 4.3.x, 4.4.x). */
    static boolean serverNotTakingMail(MailException failure) {
        List<Throwable> failures = new ArrayList<>(List.of(failure));
        if (failure instanceof MailSendException send) {
            failures.addAll(List.of(send.getMessageExceptions()));
        }
        for (Throwable each : failures) {
            for (Throwable cause = each; cause != null; cause = next(cause)) {
                Integer code = switch (cause) {
                    case SMTPSendFailedException f -> f.getReturnCode();
                    case SMTPSenderFailedException f -> f.getReturnCode();
                    case SMTPAddressFailedException f -> f.getReturnCode();
                    default -> null;
                };
                if (code != null && (code == 421 || (code / 100 == 4 && SERVER_STATUS.matcher(
                        String.valueOf(cause.getMessage())).find()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A 4xx reply whose enhanced status, right after the code, is the mail system's (4.3.x) or the network's (4.4.x). */
    private static final Pattern SERVER_STATUS = Pattern.compile("^\\s*4\\d\\d[ -]4\\.[34]\\.\\d{1,3}\\b");

    private static Throwable next(Throwable cause) {
        if (cause instanceof MessagingException messaging && messaging.getNextException() != null
                && messaging.getNextException() != cause) {
            return messaging.getNextException();
        }
        return cause.getCause();
    }

    private void retryLater(String id, int attempts, Duration delay, RuntimeException cause) {
        Instant next = clock.instant().plus(delay);
        // the id and a mail server's reply name the recipient's address: masked in the log, kept in the store
        log.warn("message {} not sent (attempt {} of {}), next try at {}: {}", LogSafe.id(id), attempts,
                properties.maxAttempts(), next, LogSafe.text(cause.getMessage()));
        messages.attemptFailed(id, attempts, next, cause.getMessage());
        queue.reschedule(id, next);
    }

    private void fail(Versioned<OutgoingMessage> attempt, int attempts, MailException cause) {
        OutgoingMessage message = attempt.state();
        log.error("message {} failed for good after {} attempt(s): {}", LogSafe.id(message.id()), attempts,
                LogSafe.text(cause.getMessage()));
        finish(attempt, message.failed(attempts, cause.getMessage()), new NotificationFailed(message.reference(),
                message.id(), message.kind(), message.recipient(), cause.getMessage(), attempts, clock.instant()));
    }

    /** Records the outcome with its event, once. */
    private void finish(Versioned<OutgoingMessage> attempt, OutgoingMessage outcome, Event event) {
        if (!messages.recordOutcome(attempt, outcome, event)) {
            log.warn("message {}: another sender recorded its outcome first", LogSafe.id(attempt.id()));
        }
        else if (event instanceof NotificationDelivered) {
            log.info("{} letter of {} sent", outcome.kind(), outcome.reference());
            outcomes.sent(outcome.kind());
        }
        else {
            outcomes.failed(outcome.kind());
        }
    }
}
