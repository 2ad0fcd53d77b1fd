package fr.saisine.intake.followup.domain;

/** A withdrawal of a case the authority has closed already: there is nothing left to withdraw. */
public class CaseClosedException extends RuntimeException {

    public CaseClosedException() {
        super("the case is closed: there is nothing left to withdraw");
    }
}
