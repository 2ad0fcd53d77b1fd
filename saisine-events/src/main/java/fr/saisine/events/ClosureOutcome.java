package fr.saisine.events;

/** How a closed complaint ended; the closing letter says it in plain words. */
public enum ClosureOutcome {
    /** rappel aux obligations (art. 58.2.b GDPR) */
    REMINDER_OF_OBLIGATIONS,
    /** mise en demeure */
    FORMAL_NOTICE,
    /** transmise à la formation restreinte (procédure de sanction) */
    SANCTION_PROCEDURE,
    NO_BREACH,
    INADMISSIBLE,
    /** with the authority's name in {@code referredTo} */
    REFERRED_TO_OTHER_AUTHORITY,
    WITHDRAWN
}
