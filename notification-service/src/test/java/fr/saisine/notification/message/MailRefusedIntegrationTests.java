package fr.saisine.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
 * The mail server answers and refuses the recipient: the letter is retried, then recorded as
 * failed for staff (a server that cannot be reached at all is another matter:
 * {@link MailServerUnreachableIntegrationTests}).
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class MailRefusedIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final String NOTIFICATIONS = TestServers.uniqueName("notification-events");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final ScriptedMailServer refusing = ScriptedMailServer.refusingEveryRecipient();

    @Autowired
    Messages messages;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification-failure");
        registry.add("spring.mail.port", refusing::port);
        registry.add("saisine.notification.max-attempts", () -> 3);
        registry.add("saisine.notification.first-retry-after", () -> "200ms");
        registry.add("spring.cloud.stream.bindings.notifyComplainant-in-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.notificationEvents-out-0.destination", () -> NOTIFICATIONS);
    }

    @AfterAll
    static void close() throws IOException {
        kafka.close();
        refusing.close();
    }

    @Test
    void shouldRetryThenRecordTheMessageAsFailedAndTellStaff(CapturedOutput output) {
        String reference = EventFixtures.testReference();
        String alice = "alice-" + reference + "@example.org";
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.submittedByAnOrganisation(reference,
                alice, null, Language.fr)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "ECO", "Affaires économiques")));

        OutgoingMessage failed = await().atMost(Duration.ofSeconds(40))
                .until(() -> messages.forComplaint(reference), m -> m.size() == 1
                        && m.getFirst().status() == MessageStatus.FAILED).getFirst();

        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).contains("no such mailbox here");
        assertThat(failed.sentAt()).isNull();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            // each attempt minted its own follow-up link (announced as FollowUpLinkIssued); the outcome is once
            List<ConsumerRecord<String, String>> events = kafka.readAll(NOTIFICATIONS).stream()
                    .filter(r -> reference.equals(r.key()))
                    .filter(r -> !"FollowUpLinkIssued".equals(KafkaProbe.header(r, "saisine_eventType"))).toList();
            assertThat(events).hasSize(1);
            assertThat(KafkaProbe.header(events.getFirst(), "saisine_eventType")).isEqualTo("NotificationFailed");
            assertThat(events.getFirst().value()).contains("\"attempts\":3");
        });
        // the letter's id names its recipient: the log tells the attempts apart without the address
        assertThat(output.getAll()).contains("message " + reference + ":ACKNOWLEDGEMENT:address#")
                .contains("failed for good").doesNotContain("alice-" + reference);
    }
}
