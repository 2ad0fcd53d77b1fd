package fr.saisine.triage.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.Category;
import fr.saisine.events.ComplainantAnswered;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.RespondentType;
import fr.saisine.events.WithdrawalRequested;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a complainant asks through their follow-up link, as intake announces it, applied to the
 * case: to the latest version, once however often it is delivered, and only while it still applies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplainantRequestsIntegrationTests {

    static final String TOPIC = TestServers.uniqueName("complaint-events");
    static final String AUDIT = TestServers.uniqueName("audit-events");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "triage-complainant");
        registry.add("spring.cloud.stream.bindings.triageComplaint-in-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.recordLetters-in-0.destination",
                () -> TestServers.uniqueName("notification-events"));
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination", () -> AUDIT);
        registry.add("spring.cloud.stream.bindings.gatherAuditRecords-in-0.destination", () -> AUDIT);
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    String anApsfCase() {
        String reference = EventFixtures.testReference();
        kafka.send(TOPIC, reference, EventFixtures.json(EventFixtures.submitted(reference, Instant.now(),
                "Mairie de Lyon", RespondentType.PUBLIC_BODY, "commune", Category.VIDEO_SURVEILLANCE, "Caméras")));
        await().atMost(Duration.ofSeconds(30)).until(() -> get(reference).statusCode() == 200);
        return reference;
    }

    HttpResponse<String> get(String reference) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/cases/" + reference))
                .header("Authorization", "Bearer " + tokens.accessToken("agent-apsf")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode caseOf(String reference) throws Exception {
        return json.readTree(get(reference).body());
    }

    void transition(String reference, long version, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/cases/" + reference + "/transitions"))
                .header("Authorization", "Bearer " + tokens.accessToken("agent-apsf"))
                .header("Content-Type", "application/json").header("If-Match", "\"" + version + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    List<JsonNode> statusChanges(String reference) {
        return kafka.readAll(TOPIC).stream().filter(r -> reference.equals(r.key()))
                .filter(r -> "ComplaintStatusChanged".equals(KafkaProbe.header(r, "saisine_eventType")))
                .map(r -> json.readTree(r.value())).toList();
    }

    @Test
    void shouldBringTheAnswerToTheCaseAndPutItBackUnderReviewOnce() throws Exception {
        String reference = anApsfCase();
        transition(reference, 1, "{\"to\": \"UNDER_REVIEW\"}");
        transition(reference, 2, "{\"to\": \"INFORMATION_REQUESTED\", \"question\": \"Quand avez-vous écrit ?\"}");
        String answer = EventFixtures.json(EventEnvelope.wrap(new ComplainantAnswered(reference, 3,
                "Le 3 mars, puis le 2 avril.", "Jeanne Dupont", Instant.now()), Instant.now()));

        kafka.send(TOPIC, reference, answer);
        kafka.send(TOPIC, reference, answer);

        JsonNode reviewed = await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(reference),
                c -> c.get("status").asString().equals("UNDER_REVIEW") && c.get("version").asLong() == 4);
        JsonNode last = reviewed.get("history").get(reviewed.get("history").size() - 1);
        assertThat(last.get("answer").asString()).isEqualTo("Le 3 mars, puis le 2 avril.");
        assertThat(last.get("complainant").asString()).isEqualTo("Jeanne Dupont");
        assertThat(last.get("actor").isNull()).isTrue();
        assertThat(reviewed.get("question").isNull()).isTrue();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(caseOf(reference).get("version").asLong()).isEqualTo(4);
            assertThat(statusChanges(reference)).filteredOn(e -> e.at("/payload/answer").isString()).hasSize(1)
                    .allSatisfy(e -> assertThat(e.at("/payload/actor/subject").asString()).isEqualTo("complainant"));
        });
    }

    @Test
    void shouldLeaveTheCaseAsItIsForAnAnswerToAQuestionNoLongerOpen() throws Exception {
        String reference = anApsfCase();
        transition(reference, 1, "{\"to\": \"UNDER_REVIEW\"}");
        transition(reference, 2, "{\"to\": \"INFORMATION_REQUESTED\", \"question\": \"Quand ?\"}");
        transition(reference, 3, "{\"to\": \"UNDER_REVIEW\"}");

        kafka.send(TOPIC, reference, EventFixtures.json(new ComplainantAnswered(reference, 3, "trop tard",
                "Jeanne Dupont", Instant.now())));
        transition(reference, 4, "{\"to\": \"INFORMATION_REQUESTED\", \"question\": \"Et maintenant ?\"}");
        kafka.send(TOPIC, reference, EventFixtures.json(new ComplainantAnswered(reference, 3, "toujours trop tard",
                "Jeanne Dupont", Instant.now())));

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode c = caseOf(reference);
            assertThat(c.get("status").asString()).isEqualTo("INFORMATION_REQUESTED");
            assertThat(c.get("version").asLong()).isEqualTo(5);
            assertThat(c.toString()).doesNotContain("trop tard");
        });
    }

    @Test
    void shouldCloseTheCaseAsWithdrawnFromAnOpenStatusOnce() throws Exception {
        String reference = anApsfCase();
        String withdrawal = EventFixtures.json(EventEnvelope.wrap(new WithdrawalRequested(reference, 0,
                "La mairie a retiré les caméras.", "Jeanne Dupont", Instant.now()), Instant.now()));

        kafka.send(TOPIC, reference, withdrawal);
        kafka.send(TOPIC, reference, withdrawal);

        JsonNode closed = await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(reference),
                c -> c.get("status").asString().equals("CLOSED"));
        assertThat(closed.get("outcome").asString()).isEqualTo("WITHDRAWN");
        JsonNode last = closed.get("history").get(closed.get("history").size() - 1);
        assertThat(last.get("withdrawalReason").asString()).isEqualTo("La mairie a retiré les caméras.");
        assertThat(last.get("complainant").asString()).isEqualTo("Jeanne Dupont");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(caseOf(reference).get("version").asLong()).isEqualTo(2);
            assertThat(statusChanges(reference)).hasSize(1).allSatisfy(e -> {
                assertThat(e.at("/payload/from").asString()).isEqualTo("TRIAGED");
                assertThat(e.at("/payload/outcome").asString()).isEqualTo("WITHDRAWN");
                assertThat(e.at("/payload/withdrawalReason").asString()).isEqualTo("La mairie a retiré les caméras.");
            });
        });
    }
}
