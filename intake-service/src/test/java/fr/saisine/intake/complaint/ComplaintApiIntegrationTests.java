package fr.saisine.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplaintApiIntegrationTests {

    static final String TOPIC = TestServers.uniqueName("complaint-events");
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "intake");
        // files more complaints than the default rate limit lets one address (the limit has its own test)
        registry.add("saisine.intake.rate-limit", () -> "off");
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.learnCaseSectors-in-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination",
                () -> TestServers.uniqueName("audit-events"));
        registry.add("saisine.intake.max-request-size", () -> "16KB");
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    static final String VALID = """
            {
              "complainant": {
                "type": "ORGANISATION",
                "name": "Groupe des élus écologistes",
                "representatives": [
                  {"name": "Alice Martin", "role": "co-présidente", "email": "alice@example.org"},
                  {"name": "Bruno Petit", "role": "co-président", "email": "bruno@example.org"}
                ],
                "postalAddress": {"street": "1 place de la Mairie", "postalCode": "69001", "city": "Lyon", "country": "FR"},
                "residence": "METROPOLITAN_FRANCE"
              },
              "respondent": {"name": "Commune de Lyon", "type": "PUBLIC_BODY", "activity": "commune"},
              "category": "VIDEO_SURVEILLANCE",
              "subject": "Caméras dans les écoles",
              "facts": "La commune a installé des caméras dans la cour des écoles."
            }""";

    HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/complaints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Read back as the APSF agent: the complaints are routed to APSF by the events the tests send. */
    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization",
                "Bearer " + tokens.accessToken("agent-apsf")).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What triage would announce: the case is in APSF, so its staff may read the complaint. */
    void routeToApsf(String reference) {
        kafka.send(TOPIC, reference, EventFixtures.json(EventFixtures.triaged(reference, "APSF",
                "Affaires publiques, sociales et financières")));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void shouldRecordAComplaintAndAnswerWithItsReference() throws Exception {
        HttpResponse<String> created = post(VALID);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        String reference = body.get("reference").asString();
        assertThat(reference).matches(String.format("%02d\\d{6}", java.time.Year.now().getValue() % 100));
        assertThat(body.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/complaints/" + reference);

        routeToApsf(reference);
        JsonNode filed = json.readTree(await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/api/v1/complaints/" + reference), r -> r.statusCode() == 200).body());
        assertThat(filed.at("/complainant/representatives/1/email").asString()).isEqualTo("bruno@example.org");
        assertThat(filed.at("/respondent/name").asString()).isEqualTo("Commune de Lyon");
        assertThat(filed.get("language").asString()).isEqualTo("fr");
    }

    @Test
    void shouldPublishComplaintSubmittedKeyedByTheReference() throws Exception {
        String reference = json.readTree(post(VALID).body()).get("reference").asString();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> records = kafka.readAll(TOPIC).stream()
                    .filter(r -> reference.equals(r.key())).toList();
            assertThat(records).hasSize(1);
            JsonNode event = json.readTree(records.getFirst().value());
            assertThat(event.get("type").asString()).isEqualTo("ComplaintSubmitted");
            assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(event.get("reference").asString()).isEqualTo(reference);
            assertThat(event.at("/payload/complainant/name").asString()).isEqualTo("Groupe des élus écologistes");
            assertThat(KafkaProbe.header(records.getFirst(), "saisine_eventType")).isEqualTo("ComplaintSubmitted");
        });
    }

    @Test
    void shouldGiveEachOfManySimultaneousComplaintsItsOwnReference() throws Exception {
        Set<String> references = ConcurrentHashMap.newKeySet();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 40; i++) {
                pool.submit(() -> references.add(json.readTree(post(VALID).body()).get("reference").asString()));
            }
        }
        assertThat(references).hasSize(40).allMatch(r -> r.matches("\\d{8}"));
    }

    @Test
    void shouldNameEveryInvalidFieldInProblemDetails() throws Exception {
        HttpResponse<String> refused = post("""
                {"complainant": {"type": "PERSON", "name": "", "email": "nope",
                  "postalAddress": {"street": "1 rue", "postalCode": "75001", "city": "Paris", "country": "fr"},
                  "residence": "ABROAD"},
                 "respondent": {"name": "Société X", "type": "COMPANY"},
                 "subject": "", "facts": "Des faits."}""");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/invalid-complaint");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .containsExactly("category", "complainant.email", "complainant.name",
                        "complainant.postalAddress.country", "subject");
    }

    @Test
    void shouldExplainMalformedJson() throws Exception {
        HttpResponse<String> refused = post("{\"complainant\": {");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("detail").asString()).startsWith("malformed JSON at line 1");
    }

    @Test
    void shouldNameAFieldOfTheWrongType() throws Exception {
        HttpResponse<String> refused = post(VALID.replace("\"subject\": \"Caméras dans les écoles\"", "\"subject\": [1]"));

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(refused.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("subject");
        assertThat(error.get("message").asString()).isEqualTo("expected a string");
    }

    @Test
    void shouldListTheAllowedValuesOfAnUnknownChoice() throws Exception {
        HttpResponse<String> refused = post(VALID.replace("\"PUBLIC_BODY\"", "\"GOVERNMENT\""));

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(refused.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("respondent.type");
        assertThat(error.get("message").asString()).contains("'GOVERNMENT'", "PUBLIC_BODY", "INDIVIDUAL");
    }

    @Test
    void shouldRefuseAnUnknownFieldRatherThanDropIt() throws Exception {
        HttpResponse<String> refused = post(VALID.replace("\"facts\":", "\"fact\": \"typo\", \"facts\":"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).get("errors").get(0).get("field").asString()).isEqualTo("fact");
    }

    @Test
    void shouldRefuseAnOversizedBodyWith413() throws Exception {
        HttpResponse<String> refused = post(VALID.replace("Des faits", "x".repeat(20_000)).replace(
                "La commune a installé", "y".repeat(20_000)));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(json.readTree(refused.body()).get("detail").asString()).contains("16KB");
    }

    @Test
    void shouldRefuseAnUnknownReferenceLikeAnotherSectorsAnd400AMalformedOne() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/complaints/99999999");
        HttpResponse<String> malformed = get("/api/v1/complaints/12ab");

        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(json.readTree(unknown.body()).get("detail").asString())
                .isEqualTo("case 99999999 is not in your sectors");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("detail").asString()).contains("8 digits");
    }
}
