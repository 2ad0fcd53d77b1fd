package fr.saisine.notification.message;

import static fr.saisine.notification.message.LifecycleFixtures.APSF_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplaintStatus;
import fr.saisine.events.Language;
import fr.saisine.events.Residence;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GDPR art. 78(2), with two seconds standing for three months: a silent open case gets a progress notice. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgressNoticeIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final Duration SILENCE = Duration.ofSeconds(2);
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final MailSink mail = MailSink.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    static final StaffTokens tokens = StaffTokens.ofTestServers();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification-progress");
        registry.add("saisine.notification.progress-notice-after", () -> "PT2S");
        registry.add("saisine.notification.progress-check-interval", () -> "500ms");
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

    static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    List<JsonNode> notifications(String reference, String kind) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/v1/complaints/" + reference + "/notifications"))
                .header("Authorization", "Bearer " + tokens.accessToken("agent-apsf")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).valueStream().filter(m -> kind.equals(m.get("kind").asString())).toList();
    }

    static Instant createdAt(JsonNode message) {
        return Instant.parse(message.get("createdAt").asString());
    }

    @Test
    void shouldWriteToEveryRepresentativeOncePerSilentPeriod() throws Exception {
        String reference = EventFixtures.testReference();
        String alice = address("alice");
        String bruno = address("bruno");
        kafka.send(COMPLAINTS, reference, EventFixtures.json(
                LifecycleFixtures.submitted(reference, alice, bruno, Language.fr, Residence.METROPOLITAN_FRANCE)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "APSF", APSF_NAME)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(LifecycleFixtures.change(reference, 2,
                ComplaintStatus.TRIAGED, ComplaintStatus.UNDER_REVIEW)));

        for (String recipient : List.of(alice, bruno)) {
            String progress = StatusLettersIntegrationTests.text(StatusLettersIntegrationTests.withSubject(
                    await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(recipient), m -> m.size() >= 3),
                    "Votre plainte n° " + reference + " : point d'étape"));
            assertThat(progress).contains("Référence : " + reference, "toujours en cours de traitement",
                    "Elle est en cours d'instruction.", "article 78, paragraphe 2", APSF_NAME);
        }

        // let several periods pass: each brings one notice per recipient, a period after the letter before
        await().atMost(Duration.ofSeconds(30)).until(() -> notifications(reference, "PROGRESS").size() >= 6);
        List<JsonNode> notices = notifications(reference, "PROGRESS");
        assertThat(notices.stream().map(m -> m.get("id").asString()).distinct()).hasSameSizeAs(notices);
        for (String recipient : List.of(alice, bruno)) {
            List<Instant> times = notices.stream().filter(m -> recipient.equals(m.get("recipient").asString()))
                    .map(ProgressNoticeIntegrationTests::createdAt).sorted().toList();
            Instant reviewLetter = createdAt(notifications(reference, "UNDER_REVIEW").getFirst());
            assertThat(Duration.between(reviewLetter, times.getFirst())).isGreaterThanOrEqualTo(SILENCE);
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i))).isGreaterThanOrEqualTo(SILENCE);
            }
        }
    }

    @Test
    void shouldNeverWriteToAClosedCase() throws Exception {
        String reference = EventFixtures.testReference();
        String alice = address("alice");
        kafka.send(COMPLAINTS, reference, EventFixtures.json(
                LifecycleFixtures.submitted(reference, alice, null, Language.fr, Residence.METROPOLITAN_FRANCE)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "APSF", APSF_NAME)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(
                LifecycleFixtures.closed(reference, 2, ClosureOutcome.INADMISSIBLE, null)));

        Instant closedAt = createdAt(await().atMost(Duration.ofSeconds(30))
                .until(() -> notifications(reference, "CLOSED"), m -> !m.isEmpty()).getFirst());

        await().during(SILENCE.multipliedBy(3)).atMost(SILENCE.multipliedBy(4)).untilAsserted(() ->
                assertThat(notifications(reference, "PROGRESS")).allMatch(m -> createdAt(m).isBefore(closedAt)));
    }
}
