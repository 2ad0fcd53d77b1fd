package fr.saisine.triage.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.Category;
import fr.saisine.events.MessageKind;
import fr.saisine.events.NotificationDelivered;
import fr.saisine.events.RespondentType;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Staff working a case through the API, on real Kafka and FerretDB with tokens from the real
 * provider: each change made on the version its author saw, refused precisely otherwise, and
 * announced once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseLifecycleIntegrationTests {

    static final String TOPIC = TestServers.uniqueName("complaint-events");
    static final String NOTIFICATIONS = TestServers.uniqueName("notification-events");
    static final String AUDIT = TestServers.uniqueName("audit-events");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "triage-lifecycle");
        registry.add("spring.cloud.stream.bindings.triageComplaint-in-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.recordLetters-in-0.destination", () -> NOTIFICATIONS);
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination", () -> AUDIT);
        registry.add("spring.cloud.stream.bindings.gatherAuditRecords-in-0.destination", () -> AUDIT);
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    /** A new case in APSF, as triage routes a complaint about a public body. */
    String anApsfCase() {
        String reference = EventFixtures.testReference();
        kafka.send(TOPIC, reference, EventFixtures.json(EventFixtures.submitted(reference, Instant.now(),
                "Mairie de Lyon", RespondentType.PUBLIC_BODY, "commune", Category.VIDEO_SURVEILLANCE, "Caméras")));
        await().atMost(Duration.ofSeconds(30)).until(() -> get(reference, "agent-apsf").statusCode() == 200);
        return reference;
    }

    HttpResponse<String> get(String reference, String username) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/cases/" + reference))
                .header("Authorization", "Bearer " + tokens.accessToken(username)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String etag(String reference) throws Exception {
        return get(reference, "agent-apsf").headers().firstValue("ETag").orElseThrow();
    }

    HttpResponse<String> post(String reference, String change, String username, String ifMatch, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/cases/" + reference + "/" + change))
                .header("Authorization", "Bearer " + tokens.accessToken(username))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> transition(String reference, String ifMatch, String body) throws Exception {
        return post(reference, "transitions", "agent-apsf", ifMatch, body);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    List<ConsumerRecord<String, String>> eventsOf(String reference, String type) {
        return kafka.readAll(TOPIC).stream().filter(r -> reference.equals(r.key()))
                .filter(r -> type.equals(KafkaProbe.header(r, "saisine_eventType"))).toList();
    }

    static JsonNode problem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                c -> assertThat(c).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(type);
        return problem;
    }

    @Test
    void shouldTakeACaseThroughItsLifecycleWithWhoAndWhyAtEachStep() throws Exception {
        String reference = anApsfCase();
        JsonNode triaged = json.readTree(get(reference, "agent-apsf").body());
        assertThat(triaged.get("version").asLong()).isEqualTo(1);
        assertThat(triaged.get("allowedTransitions").valueStream().map(t -> t.get("status").asString()).toList())
                .containsExactly("UNDER_REVIEW");

        HttpResponse<String> review = transition(reference, "\"1\"", """
                {"to": "UNDER_REVIEW", "note": "Dossier complet"}""");
        assertThat(review.statusCode()).as(review.body()).isEqualTo(200);
        assertThat(review.headers().firstValue("ETag")).hasValue("\"2\"");
        HttpResponse<String> question = transition(reference, "\"2\"", """
                {"to": "INFORMATION_REQUESTED", "question": "Où la caméra est-elle installée ?"}""");
        assertThat(question.statusCode()).isEqualTo(200);
        assertThat(transition(reference, "\"3\"", "{\"to\": \"UNDER_REVIEW\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> closed = transition(reference, "\"4\"", """
                {"to": "CLOSED", "outcome": "REMINDER_OF_OBLIGATIONS", "note": "Rappel envoyé au maire",
                 "letter": "La commune a retiré la caméra."}""");

        JsonNode after = json.readTree(closed.body());
        assertThat(after.get("status").asString()).isEqualTo("CLOSED");
        assertThat(after.get("outcome").asString()).isEqualTo("REMINDER_OF_OBLIGATIONS");
        assertThat(after.get("allowedTransitions").valueStream().map(t -> t.get("status").asString()).toList())
                .containsExactly("REOPENED");
        JsonNode history = after.get("history");
        assertThat(history.valueStream().map(h -> h.get("status").asString()).toList()).containsExactly(
                "SUBMITTED", "TRIAGED", "UNDER_REVIEW", "INFORMATION_REQUESTED", "UNDER_REVIEW", "CLOSED");
        assertThat(history.get(2).at("/actor/name").asString()).isEqualTo("Claire Martin");
        assertThat(history.get(2).get("note").asString()).isEqualTo("Dossier complet");
        assertThat(history.get(3).get("question").asString()).isEqualTo("Où la caméra est-elle installée ?");
        assertThat(history.get(1).get("actor").isNull()).as("the routing rules triaged it").isTrue();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> changes = eventsOf(reference, "ComplaintStatusChanged").stream()
                    .map(r -> json.readTree(r.value()).get("payload")).toList();
            assertThat(changes.stream().map(c -> c.get("version").asLong()).toList()).containsExactly(2L, 3L, 4L, 5L);
            assertThat(changes.getLast().get("outcome").asString()).isEqualTo("REMINDER_OF_OBLIGATIONS");
            assertThat(changes.getLast().get("letter").asString()).isEqualTo("La commune a retiré la caméra.");
            assertThat(changes.getLast().at("/actor/username").asString()).isEqualTo("agent-apsf");
            assertThat(changes.getLast().at("/sector/code").asString()).isEqualTo("APSF");
        });
    }

    @Test
    void shouldLetOneOfTwentyConcurrentIdenticalTransitionsThroughAndRefuseTheRestAsStale() throws Exception {
        String reference = anApsfCase();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(() -> transition(reference, "\"1\"", "{\"to\": \"UNDER_REVIEW\"}").statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(requests)) {
            statuses.add(status.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(19);
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(reference, "ComplaintStatusChanged").size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> eventsOf(reference, "ComplaintStatusChanged").size() == 1);
        JsonNode now = json.readTree(get(reference, "agent-apsf").body());
        assertThat(now.get("version").asLong()).isEqualTo(2);
        assertThat(now.get("history").valueStream().filter(h -> h.get("status").asString().equals("UNDER_REVIEW")))
                .hasSize(1);
    }

    @Test
    void shouldAnswerEachWrongChangeWithItsPreciseProblem() throws Exception {
        String reference = anApsfCase();

        problem(transition(reference, null, "{\"to\": \"UNDER_REVIEW\"}"), 428, "/problems/precondition-required");
        JsonNode notAllowed = problem(transition(reference, "\"1\"", "{\"to\": \"CLOSED\", \"outcome\": \"NO_BREACH\"}"),
                409, "/problems/transition-not-allowed");
        assertThat(notAllowed.get("allowedTransitions").valueStream().map(JsonNode::asString).toList())
                .containsExactly("UNDER_REVIEW");
        transition(reference, "\"1\"", "{\"to\": \"UNDER_REVIEW\"}");
        problem(transition(reference, "\"1\"", "{\"to\": \"INTERVENTION\"}"), 412, "/problems/stale-case");
        JsonNode noOutcome = problem(transition(reference, "\"2\"", "{\"to\": \"CLOSED\"}"), 400,
                "/problems/invalid-change");
        assertThat(noOutcome.at("/errors/0/field").asString()).isEqualTo("outcome");
        JsonNode noQuestion = problem(transition(reference, "\"2\"", "{\"to\": \"INFORMATION_REQUESTED\"}"), 400,
                "/problems/invalid-change");
        assertThat(noQuestion.at("/errors/0/field").asString()).isEqualTo("question");
        JsonNode noAuthority = problem(transition(reference, "\"2\"",
                "{\"to\": \"CLOSED\", \"outcome\": \"REFERRED_TO_OTHER_AUTHORITY\"}"), 400, "/problems/invalid-change");
        assertThat(noAuthority.at("/errors/0/field").asString()).isEqualTo("referredTo");
        JsonNode misplacedQuestion = problem(transition(reference, "\"2\"",
                "{\"to\": \"INTERVENTION\", \"question\": \"Pourquoi ?\"}"), 400, "/problems/invalid-change");
        assertThat(misplacedQuestion.at("/errors/0/field").asString()).isEqualTo("question");
        transition(reference, "\"2\"", "{\"to\": \"INTERVENTION\"}");
        JsonNode letterWithoutLetter = problem(transition(reference, "\"3\"",
                "{\"to\": \"UNDER_REVIEW\", \"letter\": \"Nous reprenons l'instruction.\"}"), 400,
                "/problems/invalid-change");
        assertThat(letterWithoutLetter.at("/errors/0/field").asString())
                .as("back under review after an intervention: no letter to add a paragraph to").isEqualTo("letter");
        problem(post(reference, "transitions", "agent-num", "\"3\"", "{\"to\": \"UNDER_REVIEW\"}"), 403,
                "/problems/forbidden");
        JsonNode unknownStatus = problem(transition(reference, "\"3\"", "{\"to\": \"not-a-status\"}"), 400,
                "/problems/unreadable-body");
        assertThat(unknownStatus.get("detail").asString()).contains("'not-a-status' is not one of", "UNDER_REVIEW");
        assertThat(json.readTree(get(reference, "agent-apsf").body()).get("version").asLong())
                .as("no refused change was kept").isEqualTo(3);
    }

    @Test
    void shouldLetAnAgentTakeACaseAndOnlyAHeadAssignItToAColleague() throws Exception {
        String reference = anApsfCase();
        get(reference, "head-apsf"); // the head has signed in: a known colleague of APSF

        problem(post(reference, "assignee", "agent-apsf", "\"1\"", "{\"assignee\": \"head-apsf\"}"), 400,
                "/problems/invalid-change");
        HttpResponse<String> taken = post(reference, "assignee", "agent-apsf", "\"1\"", "{\"assignee\": \"agent-apsf\"}");
        assertThat(json.readTree(taken.body()).at("/assignee/name").asString()).isEqualTo("Claire Martin");
        get(reference, "agent-num");
        HttpResponse<String> given = post(reference, "assignee", "head-apsf", "\"2\"", "{\"assignee\": \"head-apsf\"}");
        assertThat(given.statusCode()).as("a head takes it from a colleague").isEqualTo(200);
        problem(post(reference, "assignee", "agent-apsf", "\"3\"", "{\"assignee\": \"agent-apsf\"}"), 400,
                "/problems/invalid-change");
        HttpResponse<String> back = post(reference, "assignee", "head-apsf", "\"3\"", "{\"assignee\": \"agent-apsf\"}");
        assertThat(json.readTree(back.body()).at("/assignee/username").asString()).isEqualTo("agent-apsf");
        problem(post(reference, "assignee", "head-apsf", "\"4\"", "{\"assignee\": \"agent-num\"}"), 400,
                "/problems/invalid-change");
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsOf(reference, "CaseAssigned").size() == 3);
    }

    @Test
    void shouldMoveACaseToAnotherSectorsQueueKeepingTheRuleBesideTheDecision() throws Exception {
        String reference = anApsfCase();

        problem(post(reference, "sector", "agent-apsf", "\"1\"", "{\"sector\": \"NUM\"}"), 400, "/problems/invalid-change");
        HttpResponse<String> moved = post(reference, "sector", "agent-apsf", "\"1\"",
                "{\"sector\": \"NUM\", \"reason\": \"Il s'agit du site internet de la mairie\"}");

        JsonNode after = json.readTree(moved.body());
        assertThat(after.at("/sector/code").asString()).isEqualTo("NUM");
        assertThat(after.get("matchedRule").asString()).isEqualTo("public-bodies");
        assertThat(after.at("/sectorMoves/0/reason").asString()).isEqualTo("Il s'agit du site internet de la mairie");
        assertThat(after.at("/sectorMoves/0/actor/name").asString()).isEqualTo("Claire Martin");
        assertThat(get(reference, "agent-apsf").statusCode()).as("no longer APSF's").isEqualTo(403);
        assertThat(get(reference, "agent-num").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf(reference, "CaseMovedToSector"))
                .singleElement().satisfies(r -> assertThat(r.value()).contains("\"code\":\"NUM\"")));
    }

    @Test
    void shouldAddNotesWithoutAnETagAndShowTheLettersSent() throws Exception {
        String reference = anApsfCase();

        HttpResponse<String> noted = post(reference, "notes", "agent-apsf", null, "{\"text\": \"Appelé le plaignant\"}");
        assertThat(noted.statusCode()).isEqualTo(200);
        assertThat(json.readTree(noted.body()).at("/notes/0/text").asString()).isEqualTo("Appelé le plaignant");
        assertThat(json.readTree(noted.body()).at("/notes/0/author/name").asString()).isEqualTo("Claire Martin");

        var delivered = new NotificationDelivered(reference, reference + ":ACKNOWLEDGEMENT:jeanne@example.org",
                MessageKind.ACKNOWLEDGEMENT, "jeanne@example.org", "Accusé de réception", Instant.now());
        kafka.send(NOTIFICATIONS, reference, EventFixtures.json(delivered));
        kafka.send(NOTIFICATIONS, reference, EventFixtures.json(delivered));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode letters = json.readTree(get(reference, "agent-apsf").body()).get("letters");
            assertThat(letters).hasSize(1);
            assertThat(letters.get(0).get("status").asString()).isEqualTo("SENT");
            assertThat(letters.get(0).get("recipient").asString()).isEqualTo("jeanne@example.org");
        });
    }
}
