package fr.saisine.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.Language;
import fr.saisine.notification.message.domain.MessageStatus;
import fr.saisine.notification.message.domain.Messages;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.TestServers;

/**
 * Nobody answers at the mail server's address: the letter waits, tried again every
 * {@code first-retry-after}, however many times, and is never given up for the server's absence.
 */
@SpringBootTest
class MailServerUnreachableIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();

    @Autowired
    Messages messages;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification-unreachable");
        // nobody listens there: every connection is refused
        registry.add("spring.mail.port", TestServers::freePort);
        registry.add("saisine.notification.max-attempts", () -> 2);
        registry.add("saisine.notification.first-retry-after", () -> "200ms");
        registry.add("spring.cloud.stream.bindings.notifyComplainant-in-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.notificationEvents-out-0.destination",
                () -> TestServers.uniqueName("notification-events"));
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void shouldKeepALetterWaitingWhileTheServerCannotBeReached() {
        String reference = EventFixtures.testReference();
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.submittedByAnOrganisation(reference,
                "alice-" + reference + "@example.org", null, Language.fr)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "ECO", "Affaires économiques")));

        OutgoingMessage waiting = await().atMost(Duration.ofSeconds(30)).until(() -> messages.forComplaint(reference),
                m -> m.size() == 1 && m.getFirst().lastError() != null).getFirst();
        assertThat(waiting.lastError()).contains("Connection refused");

        // many more tries than max-attempts (2) in that time: none counted, none given up
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            OutgoingMessage now = messages.forComplaint(reference).getFirst();
            assertThat(now.status()).isEqualTo(MessageStatus.PENDING);
            assertThat(now.attempts()).isZero();
        });
    }
}
