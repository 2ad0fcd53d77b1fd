package fr.saisine.triage.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.Category;
import fr.saisine.events.RespondentType;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.TestServers;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * complaint-events are taken a poll at once: the cases of a poll's complaints are stored with one
 * insert of their markers and one of the cases, each announced once, and a complaint routed in the
 * same poll as an earlier one about the same organisation and subject is told of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchedTriageIntegrationTests {

    static final String TOPIC = TestServers.uniqueName("complaint-events");
    static final int WAITING = 20;
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    static final List<String> waiting = EventFixtures.testReferences(WAITING);

    @Autowired
    MeterRegistry registry;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "triage-batches");
        registry.add("spring.cloud.stream.bindings.triageComplaint-in-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.kafka.bindings.triageComplaint-in-0.consumer.dlq-name",
                () -> TOPIC + ".triage.dlq");
        String audit = TestServers.uniqueName("audit-events");
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination", () -> audit);
        registry.add("spring.cloud.stream.bindings.gatherAuditRecords-in-0.destination", () -> audit);
    }

    /** Filed before the service starts, so that its first poll finds them all; the first two about the same hospital. */
    @BeforeAll
    static void complaintsWaitingBeforeTheServiceStarts() throws Exception {
        try (Admin admin = Admin.create(TestServers.addresses().kafkaClientConfig())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
        }
        for (int i = 0; i < WAITING; i++) {
            String respondent = i < 2 ? "Hôpital Saint-Antoine" : "Mairie n° " + i;
            kafka.send(TOPIC, "waiting", EventFixtures.json(EventFixtures.submitted(waiting.get(i), Instant.now(),
                    respondent, RespondentType.PUBLIC_BODY, null, Category.ACCESS_RIGHT, "Accès refusé")));
        }
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    @Test
    void shouldStoreAPollsCasesWithOneInsertAndAnnounceEachOnceWithTheRelatedComplaintOfTheSamePoll() {
        Map<String, JsonNode> triaged = await().atMost(Duration.ofSeconds(60)).until(this::triagedEvents,
                events -> events.keySet().containsAll(waiting));
        double caseInserts = registry.find("saisine.db.write.commands").tag("command", "insert")
                .tag("collection", "cases").functionCounter().count();

        // one each would be 20; a poll may come in a few parts, never in twenty
        assertThat(caseInserts).isPositive().isLessThanOrEqualTo(3);
        assertThat(kafka.readAll(TOPIC).stream().filter(r -> "ComplaintTriaged".equals(KafkaProbe.header(r,
                "saisine_eventType")))).as("one ComplaintTriaged a complaint").hasSize(WAITING);
        assertThat(triaged.get(waiting.get(1)).at("/payload/relatedReferences").valueStream().map(JsonNode::asString)
                .toList()).containsExactly(waiting.get(0));
        JsonNode unrelated = triaged.get(waiting.get(2)).at("/payload/relatedReferences");
        assertThat(unrelated.isArray() && unrelated.isEmpty()).as("%s", unrelated).isTrue();
    }

    private Map<String, JsonNode> triagedEvents() {
        return kafka.readAll(TOPIC).stream().filter(r -> "ComplaintTriaged".equals(KafkaProbe.header(r,
                "saisine_eventType"))).map(ConsumerRecord::value).map(json::readTree)
                .collect(Collectors.toMap(event -> event.get("reference").asString(), event -> event, (a, b) -> a));
    }
}
