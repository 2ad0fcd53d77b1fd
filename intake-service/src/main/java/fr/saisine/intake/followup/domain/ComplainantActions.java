package fr.saisine.intake.followup.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplainantAnswered;
import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.FollowUpLinkRequested;
import fr.saisine.events.WithdrawalRequested;
import fr.saisine.intake.attachment.domain.Attachments;
import fr.saisine.intake.attachment.domain.ScreenedUpload;
import fr.saisine.intake.complaint.domain.ComplaintRecords;
import fr.saisine.intake.complaint.domain.Reference;

/**
 * What a complainant does through their link: answer the open question, withdraw the complaint,
 * or (without a link) ask for a fresh one. Each is decided here, from this service's own read
 * model, and travels to triage or notification as an event; one answer per question and one
 * withdrawal per opening of the case, by the natural key of the request.
 */
@Service
public class ComplainantActions {

    private static final Logger log = LoggerFactory.getLogger(ComplainantActions.class);

    /** What a withdrawal did: asked for now, or asked for earlier (nothing changes). */
    public enum Withdrawal { REQUESTED, ALREADY_REQUESTED }

    private final FollowUpReading reading;
    private final ComplainantRequests requests;
    private final ComplaintRecords complaints;
    private final Attachments attachments;
    private final AnswerAttachments answerAttachments;
    private final Clock clock;

    ComplainantActions(FollowUpReading reading, ComplainantRequests requests, ComplaintRecords complaints,
            Attachments attachments, AnswerAttachments answerAttachments, Clock clock) {
        this.reading = reading;
        this.requests = requests;
        this.complaints = complaints;
        this.attachments = attachments;
        this.answerAttachments = answerAttachments;
        this.clock = clock;
    }

    static String answerPrefix(String reference) {
        return reference + ":answer:";
    }

    /** Whether a request's id is an answer's. */
    static boolean isAnswer(String requestId) {
        return requestId.contains(":answer:");
    }

    /** The complaint a request's id belongs to: every id starts with its reference. */
    static String referenceOf(String requestId) {
        return requestId.substring(0, requestId.indexOf(':'));
    }

    static String answerId(FollowUpCase c) {
        return answerPrefix(c.reference()) + c.questionVersion();
    }

    static String withdrawalId(FollowUpCase c) {
        return withdrawalId(c.reference(), c.closures());
    }

    static String withdrawalId(String reference, int closures) {
        return reference + ":withdrawal:" + closures;
    }

    /**
     * A request for a fresh link is numbered within its complaint (its {@code requestId} stays a
     * UUID), so that the complaint's erasure finds every one by {@code _id}.
     */
    static String linkRequestId(String reference, int n) {
        return reference + ":link:" + n;
    }

    /** Link requests are looked for this many at a time, by {@code _id}. */
    static final int LINK_REQUESTS_AT_ONCE = 50;

    /**
     * Records the answer, with its files (already screened): the files first, then the answer that
     * names them in one insert, so no answer ever names a missing file. The files of an answer that
     * loses to another for the same question are named by nothing, and discarded.
     *
     * @return when the answer was received
     * @throws AnswerNotAwaitedException when no question is open, or it has been answered
     */
    public Instant answer(String token, String text, List<ScreenedUpload> files) {
        FollowUp followUp = reading.open(token);
        FollowUpCase c = followUp.followUpCase();
        if (!c.awaitsAnswer() || followUp.answered()) {
            throw new AnswerNotAwaitedException(c.status(), followUp.answered());
        }
        String id = answerId(c);
        List<Attachment> stored = attachments.store(files);
        if (!stored.isEmpty()) {
            try {
                answerAttachments.index(id, stored);
            }
            catch (RuntimeException ex) {
                // nothing names the files yet: they go, and the complainant may send the answer again
                attachments.discard(stored);
                throw ex;
            }
        }
        Instant now = clock.instant();
        if (!requests.record(id, new ComplainantAnswered(c.reference(), c.questionVersion(), text,
                followUp.link().recipientName(), now, stored), stored)) {
            attachments.discard(stored);
            throw new AnswerNotAwaitedException(c.status(), true);
        }
        attachments.attached(stored);
        return now;
    }

    /** @throws CaseClosedException when the case was closed otherwise than by a withdrawal */
    public Withdrawal withdraw(String token, String reason) {
        FollowUp followUp = reading.open(token);
        FollowUpCase c = followUp.followUpCase();
        if (c.isClosed()) {
            if (c.outcome() == ClosureOutcome.WITHDRAWN) {
                return Withdrawal.ALREADY_REQUESTED;
            }
            throw new CaseClosedException();
        }
        boolean recorded = requests.record(withdrawalId(c), new WithdrawalRequested(c.reference(), c.closures(),
                reason, followUp.link().recipientName(), clock.instant()));
        return recorded ? Withdrawal.REQUESTED : Withdrawal.ALREADY_REQUESTED;
    }

    /**
     * Mails a fresh link when the address is one the complaint names; does nothing otherwise, and
     * the caller answers the same either way, so that nothing is learned about a reference.
     */
    public void requestLink(String reference, String email) {
        if (!Reference.isWellFormed(reference) || email == null) {
            return;
        }
        complaints.find(new Reference(reference)).filter(c -> names(c, email)).ifPresentOrElse(c -> {
            var request = new FollowUpLinkRequested(reference, UUID.randomUUID().toString(), email.strip(), clock.instant());
            // the first number free; one taken meanwhile by another request is passed by
            for (int from = 0; ; from += LINK_REQUESTS_AT_ONCE) {
                List<String> ids = IntStream.range(from, from + LINK_REQUESTS_AT_ONCE)
                        .mapToObj(n -> linkRequestId(reference, n)).toList();
                Set<String> taken = requests.existing(ids);
                for (String id : ids) {
                    if (!taken.contains(id) && requests.record(id, request)) {
                        return;
                    }
                }
            }
        }, () -> log.info("a follow-up link was asked for {} with an address it does not name: nothing sent", reference));
    }

    private static boolean names(ComplaintSubmitted complaint, String email) {
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        var complainant = complaint.complainant();
        return Stream.concat(Stream.ofNullable(complainant.email()),
                        complainant.representatives() == null ? Stream.empty()
                                : complainant.representatives().stream().map(r -> r.email()))
                .filter(e -> e != null).anyMatch(e -> e.strip().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
