package fr.saisine.intake.attachment.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import fr.saisine.intake.attachment.domain.AttachmentLimits;
import fr.saisine.intake.attachment.domain.AttachmentTooLargeException;
import fr.saisine.intake.attachment.domain.UnsupportedAttachmentException;

/** The attachments field's texts on the public pages (messages.properties), limits included as configured. */
@Component
public class AttachmentMessages {

    private static final Locale FRENCH = Locale.FRENCH;

    private final MessageSource messages;
    private final AttachmentLimits limits;

    AttachmentMessages(MessageSource messages, AttachmentLimits limits) {
        this.messages = messages;
        this.limits = limits;
    }

    /** What the field's hint says: the limits, as configured. */
    public void describeLimits(Model model) {
        model.addAttribute("attachmentLimits", limits);
        model.addAttribute("maxFileSize", French.size(limits.maxFileSize()));
        model.addAttribute("maxTotalSize", French.size(limits.maxTotalSize()));
    }

    /** The inline error for files refused by screening. */
    public String of(RuntimeException refused) {
        if (refused instanceof UnsupportedAttachmentException unsupported) {
            return text("form.attachments.unsupported", unsupported.filename());
        }
        AttachmentTooLargeException tooLarge = (AttachmentTooLargeException) refused;
        return switch (tooLarge.limit()) {
            case "max-files" -> text("form.attachments.tooMany", limits.maxFiles());
            case "max-file-size" -> text("form.attachments.fileTooLarge", tooLarge.filename(),
                    French.size(limits.maxFileSize()));
            default -> requestTooLarge();
        };
    }

    public String requestTooLarge() {
        return text("form.attachments.totalTooLarge", French.size(limits.maxTotalSize()));
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, FRENCH);
    }

    /** 10 Mo rather than 10MB: sizes as a French reader writes them. */
    private static final class French {

        static String size(org.springframework.util.unit.DataSize size) {
            return AttachmentLimits.readable(size).replace("MB", " Mo").replace("KB", " ko").replace("B", " octets");
        }
    }
}
