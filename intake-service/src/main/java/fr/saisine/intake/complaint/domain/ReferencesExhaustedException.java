package fr.saisine.intake.complaint.domain;

/** The year's million references are all given: refuse rather than reuse or overflow. */
public class ReferencesExhaustedException extends RuntimeException {

    public ReferencesExhaustedException(int year) {
        super("all %d references of %d are allocated".formatted(Reference.MAX_SEQUENCE, year));
    }
}
