package fr.saisine.triage.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.Category;
import fr.saisine.events.RespondentType;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import fr.saisine.triage.cases.domain.Cases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No record, no data: when the audit record cannot be written (here the broker refuses its topic,
 * whose name is not a legal one), the read answers 503 and serves nothing of the case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditOutageIntegrationTests {

    static final String TOPIC = TestServers.uniqueName("complaint-events");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    Cases cases;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "triage-audit-outage");
        registry.add("spring.cloud.stream.bindings.triageComplaint-in-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.gatherAuditRecords-in-0.destination",
                () -> TestServers.uniqueName("audit-events"));
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination", () -> "no audit topic!");
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void shouldServeNothingWhenTheReadCannotBeRecorded() throws Exception {
        String reference = EventFixtures.testReference();
        kafka.send(TOPIC, reference, EventFixtures.json(EventFixtures.submitted(reference, Instant.now(),
                "Mairie de Brest", RespondentType.PUBLIC_BODY, "commune", Category.ACCESS_RIGHT, "Secret médical")));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.find(reference).isPresent());

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/cases/" + reference))
                .header("Authorization", "Bearer " + tokens.accessToken("agent-apsf")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/audit-unavailable");
        assertThat(response.body()).doesNotContain("Mairie de Brest", "Secret médical");
    }
}
