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

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.Category;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.RespondentType;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TriageIntegrationTests {

    static final String TOPIC = TestServers.uniqueName("complaint-events");
    static final String DEAD_LETTERS = TOPIC + ".triage.dlq";
    static final String AUDIT = TestServers.uniqueName("audit-events");
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "triage");
        registry.add("spring.cloud.stream.bindings.triageComplaint-in-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.kafka.bindings.triageComplaint-in-0.consumer.dlq-name", () -> DEAD_LETTERS);
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination", () -> AUDIT);
        registry.add("spring.cloud.stream.bindings.gatherAuditRecords-in-0.destination", () -> AUDIT);
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    /** Read as the APSF agent, whose sector most of these complaints are routed to. */
    JsonNode get(String path, int expectedStatus) throws Exception {
        return get(path, expectedStatus, "agent-apsf");
    }

    JsonNode get(String path, int expectedStatus, String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + tokens.accessToken(username)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(expectedStatus);
        return response.body().isEmpty() ? null : json.readTree(response.body());
    }

    JsonNode awaitCase(String reference) {
        return awaitCase(reference, "agent-apsf");
    }

    JsonNode awaitCase(String reference, String username) {
        return await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> get("/api/v1/cases/" + reference, 200, username), c -> true);
    }

    static ComplaintSubmitted aComplaint(String reference, String respondent, RespondentType type, Instant at) {
        return EventFixtures.submitted(reference, at, respondent, type, null, Category.ACCESS_RIGHT, "Accès refusé");
    }

    List<ConsumerRecord<String, String>> triagedEventsOf(String reference) {
        return kafka.readAll(TOPIC).stream().filter(r -> reference.equals(r.key()))
                .filter(r -> "ComplaintTriaged".equals(KafkaProbe.header(r, "saisine_eventType"))).toList();
    }

    @Test
    void shouldRouteASubmittedComplaintIntoItsSectorQueueAndSayWhy() throws Exception {
        String reference = EventFixtures.testReference();
        Instant submittedAt = Instant.parse("2026-02-01T09:00:00Z");
        kafka.send(TOPIC, reference, EventFixtures.json(aComplaint(reference, "Mairie de Lyon",
                RespondentType.PUBLIC_BODY, submittedAt)));

        JsonNode triagedCase = awaitCase(reference);

        assertThat(triagedCase.get("status").asString()).isEqualTo("TRIAGED");
        assertThat(triagedCase.at("/sector/code").asString()).isEqualTo("APSF");
        assertThat(triagedCase.at("/sector/name").asString()).isEqualTo("Affaires publiques, sociales et financières");
        assertThat(triagedCase.get("matchedRule").asString()).isEqualTo("public-bodies");
        assertThat(triagedCase.get("routingReason").asString()).isEqualTo("organisation type PUBLIC_BODY");
        assertThat(triagedCase.get("history").valueStream().map(h -> h.get("status").asString()).toList())
                .containsExactly("SUBMITTED", "TRIAGED");
        assertThat(triagedCase.at("/history/0/at").asString()).isEqualTo("2026-02-01T09:00:00Z");
        assertThat(get("/api/v1/sectors/APSF/queue", 200).get("cases").valueStream()
                .map(c -> c.get("reference").asString()).toList()).contains(reference);
    }

    @Test
    void shouldPublishComplaintTriagedOnceWhenTheSameEventIsDeliveredTwice() {
        String reference = EventFixtures.testReference();
        String event = EventFixtures.json(aComplaint(reference, "Banque Exemple", RespondentType.COMPANY,
                Instant.now()));
        kafka.send(TOPIC, reference, event);
        kafka.send(TOPIC, reference, event);

        awaitCase(reference);
        await().atMost(Duration.ofSeconds(20)).until(() -> triagedEventsOf(reference).size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(triagedEventsOf(reference)).hasSize(1));

        JsonNode triaged = json.readTree(triagedEventsOf(reference).getFirst().value());
        assertThat(triaged.at("/payload/sector/code").asString()).isEqualTo("APSF");
        assertThat(triaged.get("reference").asString()).isEqualTo(reference);
    }

    @Test
    void shouldDeadLetterAnUnreadableEventWithTheReasonAndCarryOn() {
        String poison = EventFixtures.testReference();
        String next = EventFixtures.testReference();
        kafka.send(TOPIC, poison, "{ this is not an event");
        kafka.send(TOPIC, next, EventFixtures.json(aComplaint(next, "Réseau social X", RespondentType.COMPANY,
                Instant.now())));

        awaitCase(next, "agent-num");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = kafka.readAll(DEAD_LETTERS).stream()
                    .filter(r -> poison.equals(r.key())).toList();
            assertThat(dead).hasSize(1);
            assertThat(KafkaProbe.header(dead.getFirst(), "x-exception-message")).contains("unreadable event");
        });
    }

    @Test
    void shouldListASectorsOpenCasesOldestFirst() throws Exception {
        String newest = EventFixtures.testReference();
        String oldest = EventFixtures.testReference();
        kafka.send(TOPIC, newest, EventFixtures.json(EventFixtures.submitted(newest, Instant.parse("2026-05-02T10:00:00Z"),
                "Moteur de recherche Y", RespondentType.COMPANY, "moteur de recherche", Category.DELISTING, "Lien")));
        kafka.send(TOPIC, oldest, EventFixtures.json(EventFixtures.submitted(oldest, Instant.parse("2026-05-01T10:00:00Z"),
                "Moteur de recherche Y", RespondentType.COMPANY, "moteur de recherche", Category.DELISTING, "Lien")));
        awaitCase(newest, "agent-num");
        awaitCase(oldest, "agent-num");

        JsonNode queue = get("/api/v1/sectors/NUM/queue", 200, "agent-num");

        List<String> order = queue.get("cases").valueStream().map(c -> c.get("reference").asString())
                .filter(r -> r.equals(oldest) || r.equals(newest)).toList();
        assertThat(order).containsExactly(oldest, newest);
        assertThat(queue.get("open").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldLinkComplaintsAboutTheSameOrganisationAndSubject() {
        String first = EventFixtures.testReference();
        String second = EventFixtures.testReference();
        kafka.send(TOPIC, first, EventFixtures.json(aComplaint(first, "Hôpital Saint-Louis", RespondentType.PUBLIC_BODY,
                Instant.now())));
        awaitCase(first);
        kafka.send(TOPIC, second, EventFixtures.json(aComplaint(second, "hopital  SAINT LOUIS", RespondentType.PUBLIC_BODY,
                Instant.now())));

        JsonNode secondCase = awaitCase(second);

        assertThat(secondCase.get("related").valueStream().map(JsonNode::asString).toList()).containsExactly(first);
        assertThat(awaitCase(first).get("related").valueStream().map(JsonNode::asString).toList()).containsExactly(second);
    }

    @Test
    void shouldAnswerProblemDetailsForAnUnknownCaseOrSector() throws Exception {
        assertThat(get("/api/v1/cases/00000000", 403).get("detail").asString())
                .as("an unknown case is refused like another sector's, so references cannot be probed")
                .isEqualTo("case 00000000 is not in your sectors");
        assertThat(get("/api/v1/sectors/XYZ/queue", 404).get("detail").asString()).contains("APSF", "NUM");
        assertThat(get("/api/v1/sectors/ECO/queue?limit=0", 400).get("detail").asString()).contains("limit");
    }

    @Test
    void shouldSendAnonymousVisitorsOfTheDashboardToSignInWithPkce() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        String signIn = page.headers().firstValue("Location").orElseThrow();
        assertThat(signIn).endsWith("/oauth2/authorization/saisine");

        HttpResponse<String> toProvider = http.send(HttpRequest.newBuilder(URI.create(signIn))
                .header("Cookie", page.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse(""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(toProvider.statusCode()).isEqualTo(302);
        assertThat(toProvider.headers().firstValue("Location").orElseThrow())
                .startsWith(TestServers.addresses().oidcIssuer() + "/protocol/openid-connect/auth")
                .contains("client_id=saisine-dashboard", "code_challenge=", "code_challenge_method=S256");
    }

    @Test
    void shouldRefuseTheNumAgentAnApsfCase() throws Exception {
        String reference = EventFixtures.testReference();
        kafka.send(TOPIC, reference, EventFixtures.json(aComplaint(reference, "Mairie de Nantes",
                RespondentType.PUBLIC_BODY, Instant.now())));
        awaitCase(reference);

        assertThat(get("/api/v1/cases/" + reference, 403, "agent-num").get("detail").asString())
                .isEqualTo("case " + reference + " is not in your sectors");
        assertThat(get("/api/v1/sectors/APSF/queue", 403, "agent-num").get("type").asString())
                .isEqualTo("/problems/forbidden");
    }
}
