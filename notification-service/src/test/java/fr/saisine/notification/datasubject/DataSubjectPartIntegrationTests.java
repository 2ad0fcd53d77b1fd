package fr.saisine.notification.datasubject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.Language;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notification's part of a data subject's request: the messages sent to the address about the
 * complaints named, and none to anyone else; for the DPO alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataSubjectPartIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification");
        registry.add("spring.cloud.stream.bindings.notifyComplainant-in-0.destination", () -> COMPLAINTS);
        // a group of its own: the shared broker's "notification" group rebalances whenever another test joins it
        registry.add("spring.cloud.stream.bindings.notifyComplainant-in-0.group",
                () -> TestServers.uniqueName("notification"));
        registry.add("spring.cloud.stream.bindings.notificationEvents-out-0.destination",
                () -> TestServers.uniqueName("notification-events"));
        registry.add("spring.cloud.stream.kafka.bindings.notifyComplainant-in-0.consumer.dlq-name",
                () -> COMPLAINTS + ".notification.dlq");
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination",
                () -> TestServers.uniqueName("audit-events"));
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    HttpResponse<String> part(String query, String username) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/data-subjects/part" + query));
        if (username != null) {
            request.header("Authorization", "Bearer " + tokens.accessToken(username));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeTheDpoTheMessagesToTheAddressOnly() throws Exception {
        String reference = EventFixtures.testReference();
        String id = UUID.randomUUID().toString().substring(0, 8);
        String alice = "alice-" + id + "@example.org";
        String bruno = "bruno-" + id + "@example.org";
        kafka.send(COMPLAINTS, reference, EventFixtures.json(
                EventFixtures.submittedByAnOrganisation(reference, alice, bruno, Language.fr)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "APSF",
                "Affaires publiques, sociales et financières")));

        JsonNode body = json.readTree(await().atMost(Duration.ofSeconds(60)).until(
                () -> part("?email=" + alice.toUpperCase() + "&reference=" + reference, "dpo"),
                r -> r.statusCode() == 200 && json.readTree(r.body()).get("messages").size() > 0).body());

        assertThat(body.get("email").asString()).isEqualTo(alice);
        JsonNode message = body.at("/messages/0");
        assertThat(message.get("reference").asString()).isEqualTo(reference);
        assertThat(message.get("recipient").asString()).isEqualTo(alice);
        assertThat(message.get("subject").asString()).contains(reference);
        assertThat(message.get("text").asString()).contains(reference);
        assertThat(message.get("kind").asString()).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(message.has("attempts")).isTrue();
        assertThat(body.toString()).doesNotContain(bruno);
        // no reference named, nothing served: messages are kept by complaint
        assertThat(json.readTree(part("?email=" + alice, "dpo").body()).get("messages")).isEmpty();
    }

    @Test
    void shouldRefuseEveryoneButTheDpo() throws Exception {
        String query = "?email=alice@example.org&reference=" + EventFixtures.testReference();
        for (String username : List.of("agent-apsf", "head-apsf", "auditor")) {
            HttpResponse<String> refused = part(query, username);
            assertThat(refused.statusCode()).as(username).isEqualTo(403);
            assertThat(json.readTree(refused.body()).get("type").asString()).isEqualTo("/problems/forbidden");
        }
        assertThat(part(query, null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAnswerABadAddressOrReferenceWithAProblem() throws Exception {
        assertThat(json.readTree(part("?reference=" + EventFixtures.testReference(), "dpo").body())
                .get("type").asString()).isEqualTo("/problems/invalid-email");
        HttpResponse<String> malformed = part("?email=alice@example.org&reference=12", "dpo");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json.readTree(malformed.body()).get("type").asString()).isEqualTo("/problems/malformed-reference");
    }
}
