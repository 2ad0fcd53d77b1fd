package fr.saisine.triage.cases.domain;

import java.util.List;

/** The lifecycle does not lead from the case's status to the one asked for (409, with the allowed ones). */
public class TransitionNotAllowedException extends RuntimeException {

    private final CaseStatus from;
    private final List<CaseStatus> allowed;

    TransitionNotAllowedException(CaseStatus from, CaseStatus to, List<CaseStatus> allowed) {
        super("a case " + from + " cannot go to " + to + "; from " + from + " it can go to "
                + (allowed.isEmpty() ? "no other status" : allowed));
        this.from = from;
        this.allowed = allowed;
    }

    public CaseStatus from() {
        return from;
    }

    public List<CaseStatus> allowed() {
        return allowed;
    }
}
