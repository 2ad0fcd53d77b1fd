package fr.saisine.intake.attachment.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Decides, before anything is stored, whether a submission's files are accepted: the number, each
 * size and their total against {@link AttachmentLimits}; then each file's type, from its content
 * only, against the accepted types, and against what its name and declared type claim (a PNG
 * named {@code .pdf} is refused: it would open in the wrong program on the agent's machine).
 */
@Component
public class AttachmentScreening {

    private final AttachmentLimits limits;
    private final ContentTypes types;

    AttachmentScreening(AttachmentLimits limits, ContentTypes types) {
        this.limits = limits;
        this.types = types;
    }

    /**
     * @throws AttachmentTooLargeException too many files, or too large
     * @throws UnsupportedAttachmentException a file's type is not accepted, or not what it claims
     */
    public List<ScreenedUpload> screen(List<? extends Upload> uploads) {
        checkSizes(uploads);
        List<ScreenedUpload> screened = new ArrayList<>();
        for (Upload upload : uploads) {
            screened.add(screen(upload));
        }
        return screened;
    }

    private void checkSizes(List<? extends Upload> uploads) {
        if (uploads.size() > limits.maxFiles()) {
            throw new AttachmentTooLargeException("max-files", null,
                    "at most " + limits.maxFiles() + " files may be attached; " + uploads.size() + " were sent");
        }
        long total = 0;
        for (Upload upload : uploads) {
            if (upload.size() > limits.maxFileSize().toBytes()) {
                String name = Filenames.sanitise(upload.filename());
                throw new AttachmentTooLargeException("max-file-size", name, "the file " + name + " is over "
                        + AttachmentLimits.readable(limits.maxFileSize()) + ", the largest a file may be");
            }
            total += upload.size();
        }
        if (total > limits.maxTotalSize().toBytes()) {
            throw new AttachmentTooLargeException("max-total-size", null, "the files attached are at most "
                    + AttachmentLimits.readable(limits.maxTotalSize()) + " in all");
        }
    }

    private ScreenedUpload screen(Upload upload) {
        String name = Filenames.sanitise(upload.filename());
        try {
            String actual = types.detect(upload);
            if (!limits.allowedTypes().contains(actual)) {
                throw new UnsupportedAttachmentException(name, "the file " + name + " is " + described(actual)
                        + ", which is not accepted: PDF, JPEG, PNG, WebP, plain text, ODT, DOCX or e-mail (EML) only");
            }
            String declared = upload.declaredType();
            if (declared != null && !declared.isBlank() && !types.agrees(actual, declared)) {
                throw new UnsupportedAttachmentException(name, "the file " + name + " is sent as " + declared
                        + " but its content is " + actual);
            }
            String byName = types.impliedByName(name);
            if (byName != null && !types.agrees(actual, byName)) {
                throw new UnsupportedAttachmentException(name, "the file " + name + " is named as " + byName
                        + " but its content is " + actual);
            }
            return new ScreenedUpload(upload, name, actual);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String described(String type) {
        return "application/octet-stream".equals(type) ? "of no type its content shows (empty, or unknown)" : type;
    }
}
