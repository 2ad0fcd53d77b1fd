package fr.saisine.intake.attachment.domain;

/**
 * Too many files, or too large (413): {@code limit} names the setting exceeded
 * ({@code max-files}, {@code max-file-size}, {@code max-total-size}), {@code filename} the file
 * when one file is at fault.
 */
public class AttachmentTooLargeException extends RuntimeException {

    private final String limit;
    private final String filename;

    public AttachmentTooLargeException(String limit, String filename, String detail) {
        super(detail);
        this.limit = limit;
        this.filename = filename;
    }

    public String limit() {
        return limit;
    }

    public String filename() {
        return filename;
    }
}
