package fr.saisine.events;

/** Whether the personal data was served. */
public enum AccessOutcome {
    ALLOWED, REFUSED
}
