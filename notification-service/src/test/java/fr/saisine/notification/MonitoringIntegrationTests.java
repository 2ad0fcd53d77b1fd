package fr.saisine.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.Language;
import fr.saisine.testsupport.Actuator;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.TestServers;

/** What the probes and Prometheus read, on the management port: readiness with its servers, the figures. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class MonitoringIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();

    @Value("${local.server.port}")
    int port;

    @Value("${local.management.port}")
    int managementPort;

    Actuator actuator;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification-monitoring");
        registry.add("spring.cloud.stream.bindings.notifyComplainant-in-0.destination", () -> COMPLAINTS);
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

    @BeforeEach
    void managementPort() {
        actuator = new Actuator(managementPort);
    }

    @Test
    void shouldBeReadyWhenTheDatabaseAndKafkaAre() {
        actuator.assertReadyWithDatabaseAndKafka();
    }

    @Test
    void shouldCountTheLettersSentAndExportTheQueue() throws Exception {
        String reference = EventFixtures.testReference();
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.submittedByAnOrganisation(reference,
                "alice-" + reference + "@example.org", "bruno-" + reference + "@example.org", Language.fr)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "APSF",
                "Affaires publiques, sociales et financières")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Actuator.sample(actuator.scrape(),
                "saisine_letters_sent_total", "kind=\"ACKNOWLEDGEMENT\"").orElseThrow()).isGreaterThanOrEqualTo(2));
        String scrape = actuator.scrape();
        assertThat(Actuator.sample(scrape, "saisine_letters_failed_total", "kind=\"ACKNOWLEDGEMENT\"")).hasValue(0);
        assertThat(Actuator.sample(scrape, "saisine_letters_pending").orElseThrow()).isNotNaN();
        assertThat(Actuator.sample(scrape, "saisine_letters_pending_oldest_age_seconds").orElseThrow()).isNotNaN();
        assertThat(Actuator.sample(scrape, "saisine_outbox_pending").orElseThrow()).isNotNaN();
        assertThat(Actuator.sample(scrape, "saisine_outbox_pending_oldest_age_seconds")).isPresent();
        assertThat(Actuator.sample(scrape, "saisine_ready")).isPresent();
    }

    @Test
    void shouldAnswerNoActuatorOnTheServicePort() throws Exception {
        Actuator.assertNotOnServicePort(port);
    }
}
