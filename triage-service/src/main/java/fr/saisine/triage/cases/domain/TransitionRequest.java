package fr.saisine.triage.cases.domain;

import fr.saisine.events.ClosureOutcome;

/**
 * What staff ask for when they move a case: the status, and what that status needs. Refused,
 * naming the field, when a closure has no outcome, a referral no authority, or a request for
 * information no question, and when a field belongs to another kind of change; texts have
 * bounded lengths.
 */
public record TransitionRequest(CaseStatus to, ClosureOutcome outcome, String referredTo, String question,
        String note, String letter) {

    static final int MAX_NOTE = 5_000;
    static final int MAX_QUESTION = 5_000;
    static final int MAX_LETTER = 5_000;

    public TransitionRequest {
        referredTo = blankToNull(referredTo);
        question = blankToNull(question);
        note = blankToNull(note);
        letter = blankToNull(letter);
        if (to == null) {
            throw new InvalidChangeException("to", "name the status to move the case to");
        }
        if (to == CaseStatus.CLOSED && outcome == null) {
            throw new InvalidChangeException("outcome", "a closure needs its outcome");
        }
        if (to != CaseStatus.CLOSED && outcome != null) {
            throw new InvalidChangeException("outcome", "only a closure has an outcome");
        }
        if (outcome == ClosureOutcome.REFERRED_TO_OTHER_AUTHORITY && referredTo == null) {
            throw new InvalidChangeException("referredTo", "name the authority the complaint is referred to");
        }
        if (outcome != ClosureOutcome.REFERRED_TO_OTHER_AUTHORITY && referredTo != null) {
            throw new InvalidChangeException("referredTo", "only a referral to another authority names one");
        }
        if (to == CaseStatus.INFORMATION_REQUESTED && question == null) {
            throw new InvalidChangeException("question", "a request for information needs the question to put to the complainant");
        }
        if (to != CaseStatus.INFORMATION_REQUESTED && question != null) {
            throw new InvalidChangeException("question", "only a request for information puts a question");
        }
        InvalidChangeException.checkLength("note", note, MAX_NOTE);
        InvalidChangeException.checkLength("question", question, MAX_QUESTION);
        InvalidChangeException.checkLength("letter", letter, MAX_LETTER);
        InvalidChangeException.checkLength("referredTo", referredTo, 200);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
