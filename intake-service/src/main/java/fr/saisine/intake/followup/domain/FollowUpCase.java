package fr.saisine.intake.followup.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplaintStatus;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.ComplaintTriaged;

/**
 * A case as its complainant may see it, learned from complaint-events: where it stands since when,
 * the status changes (never a note, never who made them), the question awaiting an answer and the
 * version of the case that asked it. {@code version} follows the case's own sequence, so a
 * redelivered or late event changes nothing.
 */
public record FollowUpCase(
        String reference,
        long version,
        ComplaintStatus status,
        Instant statusAt,
        List<Step> history,
        String question,
        long questionVersion,
        ClosureOutcome outcome) {

    public FollowUpCase {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** One status change as the complainant is told of it. */
    public record Step(ComplaintStatus status, Instant at, ClosureOutcome outcome) {
    }

    /**
     * A case just routed: filed, then triaged (its version 1). When it was filed the complaint says
     * ({@link #filedAt}): the events do not carry it, and reading the complaint for it at every
     * routing cost two reads of the largest document this service keeps.
     */
    public static FollowUpCase triaged(ComplaintTriaged triaged) {
        return new FollowUpCase(triaged.reference(), 1, ComplaintStatus.TRIAGED, triaged.triagedAt(),
                List.of(new Step(ComplaintStatus.SUBMITTED, null, null),
                        new Step(ComplaintStatus.TRIAGED, triaged.triagedAt(), null)),
                null, 0, null);
    }

    /** A filed complaint whose routing this service has not heard of yet. */
    public static FollowUpCase filed(String reference, Instant submittedAt) {
        return new FollowUpCase(reference, 0, ComplaintStatus.SUBMITTED, submittedAt,
                List.of(new Step(ComplaintStatus.SUBMITTED, submittedAt, null)), null, 0, null);
    }

    /** This case with the time its complaint was filed, where it was not known when the case was stored. */
    public FollowUpCase filedAt(Instant submittedAt) {
        List<Step> dated = history.stream().map(s -> s.status() == ComplaintStatus.SUBMITTED && s.at() == null
                ? new Step(s.status(), submittedAt, s.outcome()) : s).toList();
        return new FollowUpCase(reference, version, status, statusAt == null ? submittedAt : statusAt, dated, question,
                questionVersion, outcome);
    }

    public FollowUpCase after(ComplaintStatusChanged change) {
        List<Step> longer = new ArrayList<>(history);
        longer.add(new Step(change.to(), change.occurredAt(), change.outcome()));
        boolean asks = change.to() == ComplaintStatus.INFORMATION_REQUESTED;
        return new FollowUpCase(reference, change.version(), change.to(), change.occurredAt(), longer,
                asks ? change.question() : null, asks ? change.version() : 0, change.outcome());
    }

    /** Another change of the case (an assignment, a move): nothing the complainant sees, but a version. */
    public FollowUpCase at(long version) {
        return new FollowUpCase(reference, version, status, statusAt, history, question, questionVersion, outcome);
    }

    public boolean awaitsAnswer() {
        return status == ComplaintStatus.INFORMATION_REQUESTED;
    }

    public boolean isClosed() {
        return status == ComplaintStatus.CLOSED;
    }

    /** How many times the case has been closed: a withdrawal is one per opening. */
    public int closures() {
        return (int) history.stream().filter(s -> s.status() == ComplaintStatus.CLOSED).count();
    }
}
