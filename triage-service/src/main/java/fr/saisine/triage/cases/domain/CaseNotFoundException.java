package fr.saisine.triage.cases.domain;

/** No case carries this reference (yet: triage may still be on its way). */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String reference) {
        super("no case has the reference " + reference);
    }
}
