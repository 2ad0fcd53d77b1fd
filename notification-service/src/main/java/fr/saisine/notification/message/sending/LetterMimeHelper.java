package fr.saisine.notification.message.sending;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * A multipart UTF-8 helper sharing one file type map. Spring's helper builds a new map for every
 * message that JavaMailSenderImpl did not create (ours, for their Message-ID), and building one
 * reads the {@code mime.types} files of the class path.
 */
final class LetterMimeHelper extends MimeMessageHelper {

    private static final FileTypeMap FILE_TYPES = fileTypes();

    LetterMimeHelper(MimeMessage mime) throws MessagingException {
        super(mime, true, "UTF-8");
    }

    @Override
    protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
        return FILE_TYPES;
    }

    private static FileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
        types.afterPropertiesSet();
        return types;
    }
}
