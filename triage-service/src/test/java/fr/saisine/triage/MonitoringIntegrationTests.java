package fr.saisine.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

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

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final String AUDIT = TestServers.uniqueName("audit-events");

    @Value("${local.server.port}")
    int port;

    @Value("${local.management.port}")
    int managementPort;

    Actuator actuator;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "triage-monitoring");
        registry.add("spring.cloud.stream.bindings.triageComplaint-in-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.recordLetters-in-0.destination",
                () -> TestServers.uniqueName("notification-events"));
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination", () -> AUDIT);
        registry.add("spring.cloud.stream.bindings.gatherAuditRecords-in-0.destination", () -> AUDIT);
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
    void shouldExportTheOpenCasesOfEverySectorAndTheOutboxBacklog() throws Exception {
        String scrape = actuator.scrape();
        for (String sector : List.of("APSF", "ECO", "NUM", "ACC")) {
            assertThat(Actuator.sample(scrape, "saisine_cases_open", "sector=\"" + sector + "\"").orElseThrow())
                    .as("open cases of " + sector).isNotNaN().isGreaterThanOrEqualTo(0);
        }
        assertThat(Actuator.sample(scrape, "saisine_outbox_pending").orElseThrow()).isNotNaN();
        assertThat(Actuator.sample(scrape, "saisine_outbox_pending_oldest_age_seconds")).isPresent();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                Actuator.sample(actuator.scrape(), "saisine_ready")).hasValue(1));
    }

    @Test
    void shouldAnswerNoActuatorOnTheServicePort() throws Exception {
        Actuator.assertNotOnServicePort(port);
    }
}
