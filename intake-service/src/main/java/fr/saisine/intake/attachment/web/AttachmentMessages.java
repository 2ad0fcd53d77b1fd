package fr.saisine.intake.attachment.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import fr.saisine.intake.attachment.domain.AttachmentLimits;
import fr.saisine.intake.attachment.domain.AttachmentTooLargeException;
import fr.saisine.intake.attachment.domain.UnsupportedAttachmentException;

/**
 * The attachments field's texts on the public pages (messages*.properties), in the page's language,
 * limits included as configured.
 */
@Component
public class AttachmentMessages {

    private final MessageSource messages;
    private final AttachmentLimits limits;

    AttachmentMessages(MessageSource messages, AttachmentLimits limits) {
        this.messages = messages;
        this.limits = limits;
    }

    /** What the field's hint says: the limits, as configured. */
    public void describeLimits(Model model) {
        model.addAttribute("attachmentLimits", limits);
        model.addAttribute("maxFileSize", Sizes.of(limits.maxFileSize()));
        model.addAttribute("maxTotalSize", Sizes.of(limits.maxTotalSize()));
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
                    Sizes.of(limits.maxFileSize()));
            default -> requestTooLarge();
        };
    }

    public String requestTooLarge() {
        return text("form.attachments.totalTooLarge", Sizes.of(limits.maxTotalSize()));
    }

    private String text(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    /** 10 Mo for a French reader, 10 MB for an English one. */
    private static final class Sizes {

        static String of(org.springframework.util.unit.DataSize size) {
            String readable = AttachmentLimits.readable(size);
            if (Locale.FRENCH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage())) {
                return readable.replace("MB", " Mo").replace("KB", " ko").replace("B", " octets");
            }
            return readable.replaceFirst("^(\\d+)(MB|KB)$", "$1 $2").replaceFirst("^(\\d+)B$", "$1 bytes");
        }
    }
}
