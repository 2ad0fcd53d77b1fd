package fr.saisine.notification.message.sending;

import java.io.UnsupportedEncodingException;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import fr.saisine.notification.message.domain.OutgoingMessage;

/**
 * A letter as the mail server receives it: text and HTML, from the authority, with a Message-ID
 * of its own that every attempt repeats. Written and sent with the application's class loader as
 * the thread's context loader: Jakarta Mail finds its stream provider through that loader alone,
 * by the class name MailDispatchConfiguration gives it, so a thread whose context loader cannot see
 * the application's jars (a common-pool thread in the packaged service) would fail every letter.
 */
final class MimeLetters {

    private final JavaMailSenderImpl mail;
    private final DispatchProperties properties;

    MimeLetters(JavaMailSenderImpl mail, DispatchProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    /** @throws org.springframework.mail.MailException as {@link JavaMailSenderImpl#send} does */
    void send(OutgoingMessage message) {
        withApplicationClassLoader(() -> mail.send(write(message)));
    }

    MimeMessage write(OutgoingMessage message) {
        try {
            String messageId = "<" + message.id().replaceAll("[^A-Za-z0-9.]", ".") + "@"
                    + properties.messageIdDomain() + ">";
            MimeMessage mime = new IdentifiedMimeMessage(mail.getSession(), messageId);
            MimeMessageHelper letter = new SharedTypesHelper(mime);
            letter.setFrom(properties.from());
            letter.setTo(new InternetAddress(message.recipient(), message.recipientName(), "UTF-8"));
            letter.setSubject(message.subject());
            letter.setText(message.text(), message.html());
            mime.setHeader("X-Saisine-Reference", message.reference());
            return mime;
        }
        catch (MessagingException | UnsupportedEncodingException ex) {
            throw new MailPreparationException("cannot write message " + message.id() + ": " + ex.getMessage(), ex);
        }
    }

    private static void withApplicationClassLoader(Runnable work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(MimeLetters.class.getClassLoader());
        try {
            work.run();
        }
        finally {
            thread.setContextClassLoader(before);
        }
    }

    /**
     * A multipart UTF-8 helper sharing one file type map. Spring's helper builds a new map for every
     * message that JavaMailSenderImpl did not create (ours, for their Message-ID), and building one
     * reads the {@code mime.types} files of the class path.
     */
    private static final class SharedTypesHelper extends MimeMessageHelper {

        private static final FileTypeMap FILE_TYPES = fileTypes();

        SharedTypesHelper(MimeMessage mime) throws MessagingException {
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
}
