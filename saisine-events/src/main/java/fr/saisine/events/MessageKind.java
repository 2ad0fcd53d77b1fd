package fr.saisine.events;

import java.util.Optional;

/** Which letter a message is: the acknowledgement, one per status the complainant is told of, the progress notice. */
public enum MessageKind {
    ACKNOWLEDGEMENT,
    /** the case is taken under review (also after an answer, or a reopening) */
    UNDER_REVIEW,
    /** the authority asks the complainant a question */
    INFORMATION_REQUESTED,
    /** the authority has intervened with the organisation */
    INTERVENTION,
    /** the closing letter: the outcome and the right of appeal with its last day */
    CLOSED,
    REOPENED,
    /** GDPR art. 78(2): no letter for three months, the case is still being handled */
    PROGRESS,
    /** the complainant's answer to a question reached the case, which is under review again */
    ANSWER_RECEIVED,
    /** a fresh follow-up link, asked for by someone who lost theirs */
    FOLLOW_UP_LINK;

    /**
     * The letter a change of status brings the complainant, if any: the one rule, shared by triage
     * (which offers a paragraph for the letter only where there is one) and notification (which
     * writes it). Back to UNDER_REVIEW after an answer, an intervention or a reopening: none.
     */
    public static Optional<MessageKind> forStatusChange(ComplaintStatus from, ComplaintStatus to) {
        return Optional.ofNullable(switch (to) {
            case UNDER_REVIEW -> from == ComplaintStatus.TRIAGED ? UNDER_REVIEW : null;
            case INFORMATION_REQUESTED -> INFORMATION_REQUESTED;
            case INTERVENTION -> INTERVENTION;
            case CLOSED -> CLOSED;
            case REOPENED -> REOPENED;
            case SUBMITTED, TRIAGED -> null;
        });
    }

    /**
     * The letter a change brings: the complainant's own answer is acknowledged
     * ({@link #ANSWER_RECEIVED}); otherwise as {@link #forStatusChange(ComplaintStatus, ComplaintStatus)}.
     */
    public static Optional<MessageKind> forStatusChange(ComplaintStatusChanged change) {
        return change.answer() != null ? Optional.of(ANSWER_RECEIVED) : forStatusChange(change.from(), change.to());
    }
}
