package fr.saisine.intake.followup.domain;

import fr.saisine.events.ComplaintStatus;

/** An answer to a case that awaits none: no question asked, or the question answered already. */
public class AnswerNotAwaitedException extends RuntimeException {

    private final transient ComplaintStatus status;

    public AnswerNotAwaitedException(ComplaintStatus status, boolean answered) {
        super(answered ? "the question has been answered already; the case awaits no other answer"
                : "the case awaits no answer from you: no question is open");
        this.status = status;
    }

    public ComplaintStatus status() {
        return status;
    }
}
