package fr.saisine.events;

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
    PROGRESS
}
