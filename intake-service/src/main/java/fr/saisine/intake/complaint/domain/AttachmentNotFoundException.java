package fr.saisine.intake.complaint.domain;

/** The complaint names no attachment by this id. */
public class AttachmentNotFoundException extends RuntimeException {

    public AttachmentNotFoundException(String reference, String id) {
        super("the complaint " + reference + " has no attachment " + id);
    }
}
