package fr.saisine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.testsupport.Actuator;
import fr.saisine.testsupport.TestServers;

/** What the probes and Prometheus read, on the management port: readiness with its servers, the figures. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class MonitoringIntegrationTests {

    static final String TOPIC = TestServers.uniqueName("complaint-events");
    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Value("${local.management.port}")
    int managementPort;

    Actuator actuator;

    static final String COMPLAINT = """
            {
              "complainant": {"type": "PERSON", "name": "Jeanne Dupont", "email": "jeanne@example.org",
                "postalAddress": {"street": "3 rue des Lilas", "postalCode": "75011", "city": "Paris", "country": "FR"},
                "residence": "METROPOLITAN_FRANCE"},
              "respondent": {"name": "Banque Exemple", "type": "COMPANY", "activity": "banque"},
              "category": "ACCESS_RIGHT", "subject": "Pas de réponse", "facts": "J'ai écrit deux fois."
            }""";

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "intake-monitoring");
        // files more complaints than the default rate limit lets one address (the limit has its own test)
        registry.add("saisine.intake.rate-limit", () -> "off");
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.learnCaseSectors-in-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination",
                () -> TestServers.uniqueName("audit-events"));
    }

    @BeforeEach
    void managementPort() {
        actuator = new Actuator(managementPort);
    }

    @Test
    void shouldBeReadyWhenTheDatabaseAndKafkaAre() {
        actuator.assertReadyWithDatabaseAndKafka();
    }

    @Test
    void shouldCountTheComplaintsReceivedAndExportTheOutboxBacklog() throws Exception {
        HttpResponse<String> filed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/complaints")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(COMPLAINT)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(filed.statusCode()).isEqualTo(201);

        String scrape = actuator.scrape();
        assertThat(Actuator.sample(scrape, "saisine_complaints_received_total", "channel=\"api\"").orElseThrow())
                .isGreaterThanOrEqualTo(1);
        assertThat(Actuator.sample(scrape, "saisine_outbox_pending")).isPresent();
        assertThat(Actuator.sample(scrape, "saisine_outbox_pending_oldest_age_seconds")).isPresent();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Actuator.sample(actuator.scrape(), "saisine_ready")).hasValue(1));
        assertThat(scrape).contains("http_server_requests_seconds_bucket{");
        // the producer's metrics appear with the relay's first send, a moment after the POST
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(actuator.scrape())
                .contains("kafka_producer_record_send_total{"));
    }

    @Test
    void shouldAnswerNoActuatorOnTheServicePort() throws Exception {
        Actuator.assertNotOnServicePort(port);
    }
}
