package fr.saisine.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.Category;
import fr.saisine.events.RespondentType;
import fr.saisine.events.Topics;
import fr.saisine.testsupport.Actuator;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.TestServers;

/** What the probes and Prometheus read, on the management port: readiness with its servers, the figures. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.server.port=0", "saisine.metrics.max-age=1s" })
class MonitoringIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final String AUDIT = TestServers.uniqueName("audit-events");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();

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
    void shouldCountEachCaseInItsSectorAndStatus() {
        String reference = EventFixtures.testReference();
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.submitted(reference, Instant.now(),
                "Mairie de Lyon", RespondentType.PUBLIC_BODY, null, Category.ACCESS_RIGHT, "Accès refusé")));

        // this class's database holds this one case: a public body's goes to APSF
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = actuator.scrape();
            assertThat(Actuator.sample(scrape, "saisine_cases", "sector=\"APSF\"", "status=\"TRIAGED\"")).hasValue(1);
            assertThat(Actuator.sample(scrape, "saisine_cases_open", "sector=\"APSF\"")).hasValue(1);
            assertThat(Actuator.sample(scrape, "saisine_cases", "sector=\"NUM\"", "status=\"TRIAGED\"")).hasValue(0);
            assertThat(Actuator.sample(scrape, "saisine_cases", "sector=\"APSF\"", "status=\"CLOSED\"")).hasValue(0);
        });
    }

    @Test
    void shouldCountTheEventsWaitingInItsDeadLetterTopics() throws Exception {
        String deadLetters = Topics.deadLetters(Topics.COMPLAINT_EVENTS, "triage");
        double before = await().atMost(Duration.ofSeconds(30)).until(() -> Actuator.sample(actuator.scrape(),
                "saisine_dead_letters", "topic=\"" + deadLetters + "\""),
                sample -> sample.isPresent() && !Double.isNaN(sample.getAsDouble())).getAsDouble();
        for (String other : List.of("notification-events.triage-letters.dlq", "audit-events.triage-audit.dlq")) {
            assertThat(Actuator.sample(actuator.scrape(), "saisine_dead_letters", "topic=\"" + other + "\"")).isPresent();
        }

        kafka.send(COMPLAINTS, EventFixtures.testReference(), "{ this is not an event");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Actuator.sample(actuator.scrape(),
                "saisine_dead_letters", "topic=\"" + deadLetters + "\"")).hasValue(before + 1));
    }

    @Test
    void shouldAnswerNoActuatorOnTheServicePort() throws Exception {
        Actuator.assertNotOnServicePort(port);
    }
}
