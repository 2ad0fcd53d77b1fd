package fr.saisine.triage.cases.domain;

/** Where a case stands; the French label is what staff read. */
public enum CaseStatus {

    SUBMITTED("déposée"),
    TRIAGED("orientée"),
    UNDER_REVIEW("en cours d'instruction"),
    INFORMATION_REQUESTED("complément demandé au plaignant"),
    INTERVENTION("intervention auprès de l'organisme"),
    CLOSED("clôturée"),
    REOPENED("rouverte");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
