package fr.saisine.intake.complaint.domain;

/** No complaint carries this reference. */
public class ComplaintNotFoundException extends RuntimeException {

    public ComplaintNotFoundException(String reference) {
        super("no complaint has the reference " + reference);
    }
}
