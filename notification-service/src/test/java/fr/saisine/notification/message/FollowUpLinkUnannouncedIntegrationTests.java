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
import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.TestServers;

/**
 * The broker does not take the announcement of a letter's follow-up link (here its producer refuses
 * a record of that size, as the real client does): the letter does not leave, since its link would
 * not open, and it waits, tried again every {@code first-retry-after}, none of those tries counted.
 */
@SpringBootTest
class FollowUpLinkUnannouncedIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final String NOTIFICATIONS = TestServers.uniqueName("notification-events");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final MailSink mail = MailSink.ofTestServers();

    @Autowired
    Messages messages;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification-unannounced");
        registry.add("saisine.notification.max-attempts", () -> 2);
        registry.add("saisine.notification.first-retry-after", () -> "200ms");
        registry.add("spring.cloud.stream.bindings.notifyComplainant-in-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.notificationEvents-out-0.destination", () -> NOTIFICATIONS);
        // smaller than any announcement: the producer refuses each one before sending it
        registry.add("spring.cloud.stream.kafka.bindings.notificationEvents-out-0.producer.configuration.max.request.size",
                () -> 100);
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void shouldNotSendALetterWhoseFollowUpLinkWasNotAnnounced() {
        String reference = EventFixtures.testReference();
        String alice = "alice-" + reference + "@example.org";
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.submittedByAnOrganisation(reference,
                alice, null, Language.fr)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "ECO", "Affaires économiques")));

        OutgoingMessage waiting = await().atMost(Duration.ofSeconds(30)).until(() -> messages.forComplaint(reference),
                m -> m.size() == 1 && m.getFirst().lastError() != null).getFirst();
        assertThat(waiting.lastError()).contains("follow-up link").contains(waiting.id());

        // many more tries than max-attempts (2) in that time: none counted, none given up, nothing mailed
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            OutgoingMessage now = messages.forComplaint(reference).getFirst();
            assertThat(now.status()).isEqualTo(MessageStatus.PENDING);
            assertThat(now.attempts()).isZero();
        });
        assertThat(mail.messagesTo(alice)).isEmpty();
        assertThat(kafka.readAll(NOTIFICATIONS)).filteredOn(r -> reference.equals(r.key())).isEmpty();
    }
}
