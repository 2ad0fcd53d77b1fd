package fr.saisine.notification.message.sending;

import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import jakarta.activation.FileTypeMap;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import fr.saisine.events.MessageKind;
import fr.saisine.notification.message.domain.DecisionPdfs;
import fr.saisine.notification.message.domain.OutgoingMessage;

/**
 * A letter as the mail server receives it: text and HTML, from the authority, with a Message-ID
 * of its own that every attempt repeats; a decision with its PDF attached. Written and sent with the application's class loader as
 * the thread's context loader: Jakarta Mail finds its stream provider through that loader alone,
 * by the class name MailDispatchConfiguration gives it, so a thread whose context loader cannot see
 * the application's jars (a common-pool thread in the packaged service) would fail every letter.
 */
final class MimeLetters {

    private final JavaMailSenderImpl mail;
    private final DispatchProperties properties;
    private final DecisionPdfs pdfs;

    MimeLetters(JavaMailSenderImpl mail, DispatchProperties properties) {
        this(mail, properties, null);
    }

    /** @param pdfs where the decisions' PDFs are kept, each attached to its email */
    MimeLetters(JavaMailSenderImpl mail, DispatchProperties properties, DecisionPdfs pdfs) {
        this.mail = mail;
        this.properties = properties;
        this.pdfs = pdfs;
    }

    /** A connection to the mail server for letters sent one after the other; nothing is opened until the first. */
    Connection connect() {
        return new Connection();
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
            if (pdfs != null && message.kind() == MessageKind.CLOSED) {
                Optional<byte[]> pdf = pdfs.find(message.id());
                if (pdf.isPresent()) {
                    letter.addAttachment("decision-" + message.reference() + ".pdf",
                            new ByteArrayResource(pdf.get()), "application/pdf");
                }
            }
            mime.setHeader("X-Saisine-Reference", message.reference());
            return mime;
        }
        catch (MessagingException | UnsupportedEncodingException ex) {
            throw new MailPreparationException("cannot write message " + message.id() + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * One SMTP session for several letters, rather than one each (connect, greeting, EHLO and QUIT
     * around every letter; with TLS, a handshake): opened at the first letter, and again at the next
     * after a failure, for a connection that failed once is not trusted with another letter. As
     * JavaMailSenderImpl does, a session is asked whether it is still open (NOOP) before it takes
     * another letter: one the server, or a firewall, closed while idle, or after its own count of
     * letters, is opened again rather than failing the letter. Letters still leave one at a time,
     * each answered by the server before the next is written, so that the sender records each
     * outcome as it comes. Failures are those {@link JavaMailSenderImpl#send} throws, so that they
     * are told apart as before (the server away, the server refusing, the letter).
     */
    final class Connection implements AutoCloseable {

        private Transport transport;

        /** @throws org.springframework.mail.MailException as {@link JavaMailSenderImpl#send} does */
        void send(OutgoingMessage message) {
            withApplicationClassLoader(() -> {
                MimeMessage mime = write(message);
                Transport open = transport != null && stillOpen() ? transport : open(mime);
                try {
                    if (mime.getSentDate() == null) {
                        mime.setSentDate(new Date());
                    }
                    mime.saveChanges();
                    Address[] recipients = mime.getAllRecipients();
                    open.sendMessage(mime, recipients != null ? recipients : new Address[0]);
                }
                catch (MessagingException | RuntimeException ex) {
                    close();
                    throw new MailSendException(Map.of(mime, ex));
                }
            });
        }

        private boolean stillOpen() {
            if (transport.isConnected()) {
                return true;
            }
            close();
            return false;
        }

        private Transport open(MimeMessage first) {
            try {
                String protocol = mail.getProtocol() != null ? mail.getProtocol()
                        : mail.getSession().getProperty("mail.transport.protocol");
                Transport connecting = mail.getSession().getTransport(protocol != null ? protocol : "smtp");
                // as JavaMailSenderImpl: a blank username is none, and then a blank password too
                String username = mail.getUsername();
                String password = mail.getPassword();
                if ("".equals(username)) {
                    username = null;
                    password = "".equals(password) ? null : password;
                }
                connecting.connect(mail.getHost(), mail.getPort(), username, password);
                transport = connecting;
                return connecting;
            }
            catch (AuthenticationFailedException ex) {
                throw new MailAuthenticationException(ex);
            }
            catch (MessagingException | RuntimeException ex) {
                throw new MailSendException("Mail server connection failed", ex, Map.of(first, ex));
            }
        }

        @Override
        public void close() {
            if (transport == null) {
                return;
            }
            try {
                transport.close();
            }
            catch (MessagingException quitRefused) {
                // the letters were answered one by one already: a QUIT refused or cut changes none of them
            }
            finally {
                transport = null;
            }
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
