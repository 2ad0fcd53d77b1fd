package fr.saisine.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.Category;
import fr.saisine.events.RespondentType;
import fr.saisine.notification.correspondent.UnknownCorrespondentException;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.TestServers;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * complaint-events are taken a poll at once: the letters of a poll's complaints are stored with
 * one insert, not one each, while an event that fails is still retried and dead-lettered alone,
 * and the events around it are handled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchedConsumptionIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final String DEAD_LETTERS = COMPLAINTS + ".notification.dlq";
    static final String APSF = "Affaires publiques, sociales et financières";
    /** Filed before the service starts, so that its first poll finds them all. */
    static final int WAITING = 20;
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final MailSink mail = MailSink.ofTestServers();
    static final List<String> waiting = EventFixtures.testReferences(WAITING);
    /** The inserts into messages that stored the waiting complaints' letters, counted once all were sent. */
    static Double waitingLetterInserts;

    @Autowired
    MeterRegistry registry;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification-batches");
        registry.add("spring.cloud.stream.bindings.notifyComplainant-in-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.notificationEvents-out-0.destination",
                () -> TestServers.uniqueName("notification-events"));
        registry.add("spring.cloud.stream.kafka.bindings.notifyComplainant-in-0.consumer.dlq-name", () -> DEAD_LETTERS);
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination",
                () -> TestServers.uniqueName("audit-events"));
    }

    @BeforeAll
    static void complaintsWaitingBeforeTheServiceStarts() throws Exception {
        try (Admin admin = Admin.create(TestServers.addresses().kafkaClientConfig())) {
            admin.createTopics(List.of(new NewTopic(COMPLAINTS, 6, (short) 1))).all().get();
        }
        // one key: one partition, in this order, as one complaint after another would come
        for (String reference : waiting) {
            kafka.send(COMPLAINTS, "waiting", EventFixtures.json(submitted(reference)));
            kafka.send(COMPLAINTS, "waiting", EventFixtures.json(EventFixtures.triaged(reference, "APSF", APSF)));
        }
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void shouldStoreTheLettersOfAPollWithOneInsertRatherThanOneEach() {
        awaitTheWaitingComplaintsAcknowledged();

        // one each would be 20; a poll may come in a few parts, never in twenty
        assertThat(waitingLetterInserts).isPositive().isLessThanOrEqualTo(3);
    }

    @Test
    void shouldDeadLetterAloneAnEventThatKeepsFailingAndHandleTheEventsAroundIt() {
        awaitTheWaitingComplaintsAcknowledged();
        List<String> references = EventFixtures.testReferences(3);
        String before = references.get(0);
        String unknown = references.get(1);
        String after = references.get(2);

        kafka.send(COMPLAINTS, "live", EventFixtures.json(submitted(before)));
        kafka.send(COMPLAINTS, "live", EventFixtures.json(EventFixtures.triaged(unknown, "APSF", APSF)));
        kafka.send(COMPLAINTS, "live", "not an event at all");
        kafka.send(COMPLAINTS, "live", EventFixtures.json(EventFixtures.triaged(before, "APSF", APSF)));
        kafka.send(COMPLAINTS, "live", EventFixtures.json(submitted(after)));
        kafka.send(COMPLAINTS, "live", EventFixtures.json(EventFixtures.triaged(after, "APSF", APSF)));

        for (String acknowledged : List.of(before, after)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mail.messagesTo(address(acknowledged)))
                    .singleElement().satisfies(letter -> assertThat(letter.getSubject()).contains(acknowledged)));
        }
        List<ConsumerRecord<String, String>> sent = kafka.readAll(COMPLAINTS).stream()
                .filter(record -> "live".equals(record.key())).toList();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = kafka.readAll(DEAD_LETTERS).stream()
                    .filter(record -> "live".equals(record.key())).toList();
            assertThat(dead).hasSize(2);
            assertThat(dead.get(0).value()).isEqualTo(sent.get(1).value());
            assertThat(KafkaProbe.header(dead.get(0), "x-exception-message"))
                    .contains("no correspondent known for complaint " + unknown);
            assertThat(KafkaProbe.header(dead.get(0), "x-exception-stacktrace"))
                    .as("the handler's own exception, which ./saisine dlq shows as the reason")
                    .startsWith(UnknownCorrespondentException.class.getName());
            assertThat(dead.get(1).value()).isEqualTo("not an event at all");
            assertThat(KafkaProbe.header(dead.get(1), "x-exception-message")).contains("unreadable event");
            for (int i = 0; i < 2; i++) {
                ConsumerRecord<String, String> original = sent.get(i + 1);
                assertThat(KafkaProbe.header(dead.get(i), "x-original-topic")).isEqualTo(COMPLAINTS);
                assertThat(ByteBuffer.wrap(dead.get(i).headers().lastHeader("x-original-partition").value()).getInt())
                        .isEqualTo(original.partition());
                assertThat(ByteBuffer.wrap(dead.get(i).headers().lastHeader("x-original-offset").value()).getLong())
                        .isEqualTo(original.offset());
            }
        });
        assertThat(mail.messagesTo(address(unknown))).isEmpty();
    }

    private void awaitTheWaitingComplaintsAcknowledged() {
        synchronized (BatchedConsumptionIntegrationTests.class) {
            if (waitingLetterInserts == null) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(waiting)
                        .allSatisfy(reference -> assertThat(mail.messagesTo(address(reference))).hasSize(1)));
                FunctionCounter inserts = registry.find("saisine.db.write.commands").tag("command", "insert")
                        .tag("collection", "messages").functionCounter();
                waitingLetterInserts = inserts == null ? 0 : inserts.count();
            }
        }
    }

    private static fr.saisine.events.ComplaintSubmitted submitted(String reference) {
        return EventFixtures.submitted(reference, Instant.now(), "Commune de Lyon", RespondentType.PUBLIC_BODY,
                "commune", Category.VIDEO_SURVEILLANCE, "Caméras dans les écoles");
    }

    private static String address(String reference) {
        return "jeanne-" + reference + "@example.org";
    }
}
