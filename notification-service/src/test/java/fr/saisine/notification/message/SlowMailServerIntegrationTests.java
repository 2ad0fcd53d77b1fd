package fr.saisine.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
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
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.TestServers;

/**
 * A mail server slower than the lease: the sender renews its hold while the server takes the
 * letter, so the other senders, idle and polling, never take it over and send it twice.
 */
@SpringBootTest
class SlowMailServerIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final ScriptedMailServer slow = ScriptedMailServer.acceptingAfter(Duration.ofSeconds(4));

    @Autowired
    Messages messages;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification-slow-mail");
        registry.add("spring.mail.port", slow::port);
        registry.add("saisine.notification.lease", () -> "900ms");
        registry.add("saisine.notification.senders", () -> 3);
        registry.add("spring.cloud.stream.bindings.notifyComplainant-in-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.notificationEvents-out-0.destination",
                () -> TestServers.uniqueName("notification-events"));
    }

    @AfterAll
    static void close() throws IOException {
        kafka.close();
        slow.close();
    }

    @Test
    void shouldSendALetterOnceWhenTheServerTakesLongerThanTheLease() {
        String reference = EventFixtures.testReference();
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.submittedByAnOrganisation(reference,
                "alice-" + reference + "@example.org", null, Language.fr)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "ECO", "Affaires économiques")));

        await().atMost(Duration.ofSeconds(30)).until(() -> messages.forComplaint(reference),
                m -> m.size() == 1 && m.getFirst().status() == MessageStatus.SENT);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(slow.acceptedMessageIds()).filteredOn(id -> id != null && id.contains(reference)).hasSize(1));
    }
}
