package fr.saisine.notification.message.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.mail.MessagingException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
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
    final MimeLetters letters = lettersOn(TestServers.addresses().smtpPort());

    @BeforeAll
    static void nameTheStreamProviderAsTheServiceDoes() throws ClassNotFoundException {
        Class.forName(MailDispatchConfiguration.class.getName());
        assertThat(System.getProperty("jakarta.mail.util.StreamProvider"))
                .isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
    }

    static MimeLetters lettersOn(int smtpPort) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(TestServers.addresses().smtpHost());
        sender.setPort(smtpPort);
        return new MimeLetters(sender, new DispatchProperties("Saisine <ne-pas-repondre@saisine.test>", "saisine.test", 5,
                Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(30), 1, Duration.ofSeconds(1)));
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

        assertThat(onAThreadThatCannotSeeTheApplication(() -> {
            try (MimeLetters.Connection connection = letters.connect()) {
                connection.send(letterTo(recipient));
            }
        })).isNull();

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

    @Test
    void shouldSendTheLettersOfOneConnectionInOneSmtpSession() throws Exception {
        List<String> recipients = List.of("session-a-" + UUID.randomUUID() + "@example.org",
                "session-b-" + UUID.randomUUID() + "@example.org", "session-c-" + UUID.randomUUID() + "@example.org");

        try (CountingRelay relay = new CountingRelay(); MimeLetters.Connection connection = lettersOn(relay.port()).connect()) {
            recipients.forEach(recipient -> connection.send(letterTo(recipient)));

            assertThat(relay.sessions()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> recipients.forEach(recipient ->
                assertThat(mail.messagesTo(recipient)).hasSize(1)));
    }

    @Test
    void shouldOpenAnotherSessionForTheNextLetterWhenTheServerClosedTheFirstWhileIdle() throws Exception {
        String first = "avant-" + UUID.randomUUID() + "@example.org";
        String next = "apres-" + UUID.randomUUID() + "@example.org";

        try (CountingRelay relay = new CountingRelay(); MimeLetters.Connection connection = lettersOn(relay.port()).connect()) {
            connection.send(letterTo(first));
            relay.cutAll();
            connection.send(letterTo(next));

            assertThat(relay.sessions()).isEqualTo(2);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(mail.messagesTo(first)).hasSize(1);
            assertThat(mail.messagesTo(next)).as("not failed for a session the server had closed").hasSize(1);
        });
    }

    @Test
    void shouldFailALetterAsTheServerAwayWhenNoSessionCanBeOpened() throws Exception {
        int closedPort;
        try (ServerSocket nobody = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = nobody.getLocalPort();
        }

        try (MimeLetters.Connection connection = lettersOn(closedPort).connect()) {
            assertThatThrownBy(() -> connection.send(letterTo("personne@example.org")))
                    .isInstanceOfSatisfying(MailSendException.class, failure -> assertThat(
                            MailSender.serverUnreachable(failure)).as("not counted against the letter").isTrue());
        }
    }

    /** A TCP relay to the test mail server that counts the sessions opened through it, and can cut them. */
    static final class CountingRelay implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final AtomicInteger sessions = new AtomicInteger();
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        CountingRelay() throws IOException {
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket upstream = new Socket(TestServers.addresses().smtpHost(), TestServers.addresses().smtpPort());
                        sessions.incrementAndGet();
                        open.addAll(List.of(client, upstream));
                        pump(client, upstream);
                        pump(upstream, client);
                    }
                    catch (IOException closed) {
                        // the relay is closed
                    }
                }
            });
        }

        private void pump(Socket from, Socket to) {
            Thread.ofVirtual().start(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                }
                catch (IOException cut) {
                    // either side gone: the other is closed with it
                }
                finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        int sessions() {
            return sessions.get();
        }

        void cutAll() {
            open.forEach(CountingRelay::closeQuietly);
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            }
            catch (IOException ignored) {
                // closing is all that is asked
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            cutAll();
        }
    }
}
