package fr.saisine.notification.erasure;

import static fr.saisine.notification.erasure.ErasureFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.model.Filters;

import fr.saisine.events.ErasureOrdered;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.Language;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Triage's erasure order carried out by notification alone, on real Kafka, FerretDB and mail server:
 * the order is published on the test's complaint-events as triage would, the answer read there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CorrespondenceErasureIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final String APSF = "Affaires publiques, sociales et financières";
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final MailSink mail = MailSink.ofTestServers();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification-erasure");
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

    /** A complaint of two co-presidents, routed and acknowledged to both. */
    record Acknowledged(String reference, String alice, String bruno) {
    }

    Acknowledged fileAndAcknowledge(String reference) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String alice = "alice-" + tag + "@example.org";
        String bruno = "bruno-" + tag + "@example.org";
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.submittedByAnOrganisation(reference, alice,
                bruno, Language.fr)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "APSF", APSF)));
        // long: the first test waits for the consumer group to be given its partitions, a minute on a busy broker
        await().atMost(Duration.ofSeconds(120)).until(() -> mail.messagesTo(alice).size() == 1
                && mail.messagesTo(bruno).size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> notifications(reference).body(),
                body -> body.contains("\"SENT\"") && !body.contains("\"PENDING\""));
        return new Acknowledged(reference, alice, bruno);
    }

    HttpResponse<String> notifications(String reference) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/v1/complaints/" + reference + "/notifications"))
                .header("Authorization", "Bearer " + tokens.accessToken("agent-apsf")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    List<JsonNode> answers(String reference) {
        return kafka.readAll(COMPLAINTS).stream().filter(r -> reference.equals(r.key()))
                .filter(r -> "PersonalDataErased".equals(KafkaProbe.header(r, "saisine_eventType")))
                .map(ConsumerRecord::value).map(json::readTree).toList();
    }

    Document raw(String collection, String id) {
        return mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
    }

    static String acknowledgementId(String reference, String address) {
        return reference + ":ACKNOWLEDGEMENT:" + address;
    }

    @Test
    void shouldEraseEveryLetterOfTheComplaintAndNothingOfAnotherThenAnswerOnceWithCounts() throws Exception {
        List<String> references = ErasureFixtures.distinct(2);
        Acknowledged erased = fileAndAcknowledge(references.get(0));
        Acknowledged kept = fileAndAcknowledge(references.get(1));

        kafka.send(COMPLAINTS, erased.reference(), EventFixtures.json(order(erased.reference())));

        JsonNode answer = await().atMost(Duration.ofSeconds(30)).until(() -> answers(erased.reference()),
                a -> !a.isEmpty()).getFirst();
        assertThat(answer.at("/payload/service").asString()).isEqualTo("notification");
        assertThat(json.convertValue(answer.at("/payload/erased"), Map.class))
                .isEqualTo(Map.of("messages", 2, "correspondents", 1, "correspondence_clock", 1));

        HttpResponse<String> gone = notifications(erased.reference());
        assertThat(gone.statusCode()).as(gone.body()).isEqualTo(410);
        assertThat(gone.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(json.readTree(gone.body()).get("type").asString()).isEqualTo("/problems/erased");

        for (String address : List.of(erased.alice(), erased.bruno())) {
            String id = acknowledgementId(erased.reference(), address);
            assertThat(raw("messages", id)).isNull();
            assertThat(raw("messages_versions", id + ":2")).isNull();
            assertThat(raw("mail_queue", id)).isNull();
        }
        assertThat(raw("correspondents", erased.reference())).isNull();
        assertThat(raw("complaint_messages", erased.reference())).isNull();
        assertThat(raw("correspondence_clock", erased.reference())).isNull();
        assertThat(raw("case_letter_states", erased.reference())).isNull();
        Document tombstone = raw("erasures", erased.reference());
        assertThat(tombstone.get("state", Document.class).get("letters", Document.class))
                .isEqualTo(new Document("ACKNOWLEDGEMENT/SENT", 2L));
        assertThat(tombstone.toJson()).doesNotContain(erased.alice(), erased.bruno(), "Alice Martin", "Groupe des élus");

        HttpResponse<String> other = notifications(kept.reference());
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(json.readTree(other.body()).size()).isEqualTo(2);
        assertThat(raw("correspondents", kept.reference())).isNotNull();
        assertThat(answers(kept.reference())).isEmpty();
        assertThat(answers(erased.reference())).hasSize(1);
    }

    @Test
    void shouldAnswerARepeatedOrderWithNoCountsAndARedeliveredOneOnce() throws Exception {
        Acknowledged filed = fileAndAcknowledge(EventFixtures.testReference());
        EventEnvelope<ErasureOrdered> first = order(filed.reference());
        kafka.send(COMPLAINTS, filed.reference(), EventFixtures.json(first));
        await().atMost(Duration.ofSeconds(30)).until(() -> answers(filed.reference()), a -> a.size() == 1);

        kafka.send(COMPLAINTS, filed.reference(), EventFixtures.json(first));
        EventEnvelope<ErasureOrdered> repeated = order(filed.reference());
        kafka.send(COMPLAINTS, filed.reference(), EventFixtures.json(repeated));

        List<JsonNode> answers = await().atMost(Duration.ofSeconds(30)).until(() -> answers(filed.reference()),
                a -> a.size() >= 2);
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1).at("/payload/runId").asString()).isEqualTo(repeated.payload().runId());
        assertThat(answers.get(1).at("/payload/erased").size()).isZero();
        assertThat(notifications(filed.reference()).statusCode()).isEqualTo(410);
    }

    @Test
    void shouldWriteNoLetterNorKeepAnyoneForARedeliveredFilingOfAnErasedComplaint() throws Exception {
        Acknowledged filed = fileAndAcknowledge(EventFixtures.testReference());
        kafka.send(COMPLAINTS, filed.reference(), EventFixtures.json(order(filed.reference())));
        await().atMost(Duration.ofSeconds(30)).until(() -> answers(filed.reference()), a -> !a.isEmpty());

        kafka.send(COMPLAINTS, filed.reference(), EventFixtures.json(EventFixtures.submittedByAnOrganisation(
                filed.reference(), filed.alice(), filed.bruno(), Language.fr)));
        kafka.send(COMPLAINTS, filed.reference(), EventFixtures.json(EventFixtures.triaged(filed.reference(), "APSF", APSF)));
        // another complaint on the same partition, read after those: once it is acknowledged, they were handled
        Acknowledged after = fileAndAcknowledge(ErasureFixtures.samePartitionAs(filed.reference()));

        assertThat(mail.messagesTo(after.alice())).hasSize(1);
        assertThat(mail.messagesTo(filed.alice())).hasSize(1);
        assertThat(mail.messagesTo(filed.bruno())).hasSize(1);
        assertThat(raw("correspondents", filed.reference())).isNull();
        assertThat(raw("messages", acknowledgementId(filed.reference(), filed.alice()))).isNull();
        assertThat(raw("mail_queue", acknowledgementId(filed.reference(), filed.alice()))).isNull();
    }
}
