package fr.saisine.intake.attachment.domain;

/** A file whose content is of a type not accepted, or not what its name or declared type says (415). */
public class UnsupportedAttachmentException extends RuntimeException {

    private final String filename;

    public UnsupportedAttachmentException(String filename, String detail) {
        super(detail);
        this.filename = filename;
    }

    public String filename() {
        return filename;
    }
}
