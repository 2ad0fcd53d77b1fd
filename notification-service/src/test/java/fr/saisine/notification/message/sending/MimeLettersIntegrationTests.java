package fr.saisine.notification.message.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.MessagingException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import fr.saisine.events.MessageKind;
import fr.saisine.notification.message.domain.Letter;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.TestServers;

/**
 * Letters leave whatever thread sends them: with the stream provider named (so that Jakarta Mail
 * does not search every jar for it at each MIME part), it is loaded through the thread's context
 * class loader alone, which on some threads cannot see the application's jars.
 */
class MimeLettersIntegrationTests {

    static final MailSink mail = MailSink.ofTestServers();
    final MimeLetters letters = new MimeLetters(sender(), new DispatchProperties("Saisine <ne-pas-repondre@saisine.test>",
            "saisine.test", 5, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(30), 1,
            Duration.ofSeconds(1)));

    @BeforeAll
    static void nameTheStreamProviderAsTheServiceDoes() throws ClassNotFoundException {
        Class.forName(MailDispatchConfiguration.class.getName());
        assertThat(System.getProperty("jakarta.mail.util.StreamProvider"))
                .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    }

    static JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(TestServers.addresses().smtpHost());
        sender.setPort(TestServers.addresses().smtpPort());
        return sender;
    }

    static OutgoingMessage letterTo(String recipient) {
        return OutgoingMessage.queued("26999001", MessageKind.ACKNOWLEDGEMENT, recipient, "Camille Martin",
                new Letter("Accusé de réception de votre plainte n° 26999001", "Bonjour Camille Martin,",
                        "<p>Bonjour Camille Martin,</p>"), Instant.now());
    }

    /** Runs the work on a thread whose context class loader sees the JDK only, as a common-pool thread of the packaged service sees. */
    static Throwable onAThreadThatCannotSeeTheApplication(Runnable work) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                work.run();
            }
            catch (Throwable ex) {
                failure.set(ex);
            }
        });
        thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
        thread.start();
        thread.join();
        return failure.get();
    }

    @Test
    void shouldSendALetterFromAThreadWhoseContextClassLoaderCannotSeeTheMailLibrary() throws Exception {
        String recipient = "contexte-" + UUID.randomUUID() + "@example.org";

        assertThat(onAThreadThatCannotSeeTheApplication(() -> letters.send(letterTo(recipient)))).isNull();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(mail.messagesTo(recipient))
                .singleElement().satisfies(m -> {
                    assertThat(m.getSubject()).isEqualTo("Accusé de réception de votre plainte n° 26999001");
                    assertThat(m.getHeader("X-Saisine-Reference", null)).isEqualTo("26999001");
                }));
    }

    @Test
    void shouldNotWriteALetterWithTheThreadsOwnContextLoaderWhichIsWhySendingSetsTheApplicationsOne() throws Exception {
        Throwable failure = onAThreadThatCannotSeeTheApplication(() -> {
            try {
                letters.write(letterTo("jamais@example.org")).writeTo(new ByteArrayOutputStream());
            }
            catch (IOException | MessagingException ex) {
                throw new IllegalStateException(ex);
            }
        });

        assertThat(failure).as("the named provider is looked up through the thread's context loader")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MailStreamProvider");
    }
}
