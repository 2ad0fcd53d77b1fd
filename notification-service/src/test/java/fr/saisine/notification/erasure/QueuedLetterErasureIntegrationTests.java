package fr.saisine.notification.erasure;

import static fr.saisine.notification.erasure.ErasureFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.model.Filters;

import fr.saisine.events.Language;
import fr.saisine.notification.message.domain.Messages;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.TestServers;

/**
 * A letter still queued when its complaint is erased: the mail server cannot be reached, so the
 * acknowledgements wait for their next try, an hour away. The erasure takes them off the queue,
 * with the claims of their attempts, so that they never leave; another complaint's letter waits on.
 */
@SpringBootTest
class QueuedLetterErasureIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();

    @Autowired
    Messages messages;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification-queued-erasure");
        // nobody listens there: every connection is refused, and the letter waits for its next try
        registry.add("spring.mail.port", TestServers::freePort);
        registry.add("saisine.notification.first-retry-after", () -> "1h");
        registry.add("spring.cloud.stream.bindings.notifyComplainant-in-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.notificationEvents-out-0.destination",
                () -> TestServers.uniqueName("notification-events"));
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination",
                () -> TestServers.uniqueName("audit-events"));
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    OutgoingMessage waitingLetter(String reference) {
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.submittedByAnOrganisation(reference,
                "alice-" + reference + "@example.org", null, Language.fr)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "ECO", "Affaires économiques")));
        return await().atMost(Duration.ofSeconds(120)).until(() -> messages.forComplaint(reference),
                m -> m.size() == 1 && m.getFirst().lastError() != null).getFirst();
    }

    Document raw(String collection, String id) {
        return mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
    }

    @Test
    void shouldTakeAQueuedLetterOffTheQueueWithItsClaimsSoThatItNeverLeaves() {
        List<String> references = ErasureFixtures.distinct(2);
        OutgoingMessage erased = waitingLetter(references.get(0));
        OutgoingMessage kept = waitingLetter(references.get(1));
        Document head = raw("messages", erased.id());
        String firstClaim = erased.id() + "@" + erased.createdAt().toEpochMilli();
        String retryClaim = erased.id() + "@" + head.getDate("nextAttemptAt").toInstant().toEpochMilli();
        assertThat(raw("mail_queue", erased.id())).isNotNull();
        assertThat(raw("mail_claims", firstClaim)).isNotNull();

        kafka.send(COMPLAINTS, erased.reference(), EventFixtures.json(order(erased.reference())));

        await().atMost(Duration.ofSeconds(30)).until(() -> raw("erasures", erased.reference()) != null);
        assertThat(raw("mail_queue", erased.id())).isNull();
        assertThat(raw("mail_claims", firstClaim)).isNull();
        assertThat(raw("mail_claims", retryClaim)).isNull();
        assertThat(raw("messages", erased.id())).isNull();
        assertThat(raw("erasures", erased.reference()).get("state", Document.class).get("letters", Document.class))
                .isEqualTo(new Document("ACKNOWLEDGEMENT/PENDING", 1L));
        assertThat(raw("mail_queue", kept.id())).isNotNull();
        assertThat(messages.forComplaint(kept.reference())).hasSize(1);
    }
}
