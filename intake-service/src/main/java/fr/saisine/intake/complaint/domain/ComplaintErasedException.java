package fr.saisine.intake.complaint.domain;

import java.time.Instant;

import fr.saisine.events.ErasureRule;

/** The complaint existed, and its personal data was erased under the retention schedule: 410, not 404. */
public class ComplaintErasedException extends RuntimeException {

    private final transient ErasedComplaint erased;

    public ComplaintErasedException(ErasedComplaint erased) {
        super("the personal data of complaint " + erased.reference() + " was erased on " + erased.erasedAt()
                + " (rule " + erased.rule() + ")");
        this.erased = erased;
    }

    public Instant erasedAt() {
        return erased.erasedAt();
    }

    public ErasureRule rule() {
        return erased.rule();
    }
}
