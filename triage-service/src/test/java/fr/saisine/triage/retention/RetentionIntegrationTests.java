package fr.saisine.triage.retention;

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
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.model.Filters;

import fr.saisine.events.Category;
import fr.saisine.events.ErasureRule;
import fr.saisine.events.MessageKind;
import fr.saisine.events.NotificationDelivered;
import fr.saisine.events.PersonalDataErased;
import fr.saisine.events.RespondentType;
import fr.saisine.testsupport.Actuator;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import fr.saisine.triage.retention.domain.EliminationRecord;
import fr.saisine.triage.retention.domain.RetentionRun;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The retention schedule on real Kafka and FerretDB, with a period of seconds: closed cases past it
 * anonymised and their erasure ordered once, reopened and held cases left alone, a second run
 * idempotent, unanswered orders published again, the elimination records for auditors only.
 * Intake and notification are not running here: where a test needs their answers, it sends them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "saisine.retention.after-closing=PT3S", "saisine.retention.reorder-after=PT3S",
        "saisine.retention.reorder-check=PT1S", "saisine.retention.schedule=-", "management.server.port=0",
        "saisine.metrics.max-age=1s",
        // no intake here: a data subject's request must then fail whole, never answer in part
        "saisine.data-subjects.intake-url=http://127.0.0.1:9", "saisine.data-subjects.connect-timeout=PT1S" })
class RetentionIntegrationTests {

    static final Duration PERIOD = Duration.ofSeconds(3);
    static final String TOPIC = TestServers.uniqueName("complaint-events");
    static final String NOTIFICATIONS = TestServers.uniqueName("notification-events");
    static final String AUDIT = TestServers.uniqueName("audit-events");
    static final String SUBJECT = "Caméras chez Madame Honorine Vasseur-Quillet";
    static final String FACTS_NOTE = "Note sur Honorine Vasseur-Quillet";
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Value("${local.management.port}")
    int managementPort;

    @Value("${spring.cloud.stream.bindings.caseViews-out-0.destination}")
    String caseViews;

    @Autowired
    RetentionRun retention;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "triage-retention");
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

    @Test
    void shouldAnonymiseAClosedCasePastItsPeriodAndOrderItsErasureOnce() throws Exception {
        String reference = aClosedCase(RespondentType.INDIVIDUAL, "Honorine Vasseur-Quillet, voisine");
        kafka.send(NOTIFICATIONS, reference, EventFixtures.json(new NotificationDelivered(reference,
                reference + ":ACKNOWLEDGEMENT:jeanne-" + reference + "@example.org", MessageKind.ACKNOWLEDGEMENT,
                "jeanne-" + reference + "@example.org", "Accusé de réception", Instant.now())));
        await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(get(reference, "agent-apsf").body())
                .get("letters").size() == 1);
        assertThat(get(reference, "agent-apsf").body()).contains(SUBJECT, FACTS_NOTE, "jeanne-" + reference);
        assertThat(storedText(reference)).as("what the erasure must reach").contains("Jeanne Dupont", "Honorine",
                "jeanne-" + reference, "Claire Martin", "caméra est-elle");
        afterThePeriod();

        EliminationRecord run = retention.run();
        assertThat(run.erased()).contains(reference);
        answerAsTheOtherServices(reference, run.runId());

        HttpResponse<String> read = get(reference, "agent-apsf");
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode erased = json.readTree(read.body());
        assertThat(erased.get("anonymisedAt").isNull()).isFalse();
        assertThat(erased.get("status").asString()).isEqualTo("CLOSED");
        assertThat(erased.get("outcome").asString()).isEqualTo("NO_BREACH");
        assertThat(erased.get("category").asString()).isEqualTo("VIDEO_SURVEILLANCE");
        assertThat(erased.get("respondentType").asString()).isEqualTo("INDIVIDUAL");
        assertThat(erased.get("subject").isNull()).isTrue();
        assertThat(erased.get("respondent").isNull()).as("an individual is not named").isTrue();
        assertThat(erased.get("history").valueStream().map(h -> h.get("status").asString()).toList())
                .containsExactly("SUBMITTED", "TRIAGED", "UNDER_REVIEW", "CLOSED");
        assertThat(erased.get("history").valueStream().allMatch(h -> h.get("actor").isNull() && h.get("note").isNull()))
                .isTrue();
        assertThat(read.body()).doesNotContain("Jeanne Dupont", "Honorine", "Vasseur", "jeanne-", "Claire Martin")
                .contains("erased-1");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(storedText(reference)).doesNotContain("Jeanne Dupont", "Honorine", "Vasseur", "jeanne-",
                    "Claire Martin", "caméra est-elle");
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> summaries = kafka.readAll(caseViews).stream()
                    .filter(r -> reference.equals(r.key())).toList();
            JsonNode last = json.readTree(summaries.getLast().value()).get("payload");
            assertThat(last.get("status").asString()).isEqualTo("CLOSED");
            assertThat(last.get("complainantName").isNull()).isTrue();
            assertThat(last.get("subject").isNull()).isTrue();
        });
        JsonNode closedQueue = json.readTree(send(HttpRequest.newBuilder(uri("/api/v1/sectors/APSF/queue?status=CLOSED&size=200")),
                "agent-apsf").body());
        assertThat(closedQueue.toString()).as("the sector still counts and lists it").contains(reference);
        JsonNode counts = json.readTree(send(HttpRequest.newBuilder(uri("/api/v1/sectors/counts")), "agent-apsf").body());
        assertThat(counts.toString()).contains("CLOSED");
        String scrape = new Actuator(managementPort).scrape();
        assertThat(Actuator.sample(scrape, "saisine_cases", "sector=\"APSF\"", "status=\"CLOSED\"").orElseThrow())
                .isGreaterThanOrEqualTo(1);
        assertThat(Actuator.sample(scrape, "saisine_retention_overdue", "kind=\"cases\"")).isPresent();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            EliminationRecord record = recordOf(run.runId());
            assertThat(record.answered().get("triage")).contains(reference);
            assertThat(record.counts().get("triage")).containsEntry("cases", 1L).containsEntry("case_letters", 1L)
                    .containsKey("case_versions");
        });
        assertThat(ordersOf(reference)).hasSize(1);
    }

    @Test
    void shouldNotTouchACaseReopenedOrClosedAgainWithinItsPeriod() throws Exception {
        String reopened = aClosedCase(RespondentType.PUBLIC_BODY, "Mairie de Lyon");
        String closedAgain = aClosedCase(RespondentType.PUBLIC_BODY, "Mairie de Lyon");
        afterThePeriod();
        transition(reopened, "{\"to\": \"REOPENED\"}");
        transition(closedAgain, "{\"to\": \"REOPENED\"}");
        transition(closedAgain, "{\"to\": \"UNDER_REVIEW\"}");
        transition(closedAgain, "{\"to\": \"CLOSED\", \"outcome\": \"NO_BREACH\"}");

        EliminationRecord run = retention.run();

        assertThat(run.erased()).doesNotContain(reopened, closedAgain);
        assertThat(json.readTree(get(reopened, "agent-apsf").body()).get("anonymisedAt").isNull()).isTrue();
        assertThat(get(closedAgain, "agent-apsf").body()).contains(SUBJECT);
        assertThat(ordersOf(closedAgain)).isEmpty();

        afterThePeriod();
        assertThat(retention.run().erased()).as("its period counts from its last closing").contains(closedAgain)
                .doesNotContain(reopened);
    }

    @Test
    void shouldSkipAndListACaseUnderLegalHoldUntilTheHoldIsLifted() throws Exception {
        String held = aClosedCase(RespondentType.COMPANY, "Banque Populaire");
        HttpResponse<String> hold = legalHold("PUT", held, "head-apsf", "Recours pendant devant le Conseil d'État");
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(200);
        assertThat(json.readTree(hold.body()).get("underLegalHold").asBoolean()).isTrue();
        afterThePeriod();

        EliminationRecord run = retention.run();

        assertThat(run.erased()).doesNotContain(held);
        assertThat(run.skippedUnderLegalHold()).contains(held);
        assertThat(get(held, "agent-apsf").body()).contains(SUBJECT).contains("Recours pendant");
        assertThat(ordersOf(held)).isEmpty();

        assertThat(legalHold("DELETE", held, "head-apsf", "Recours rejeté").statusCode()).isEqualTo(200);
        EliminationRecord next = retention.run();
        assertThat(next.erased()).contains(held);
        assertThat(next.skippedUnderLegalHold()).doesNotContain(held);
        JsonNode erased = json.readTree(get(held, "agent-apsf").body());
        assertThat(erased.get("respondent").asString()).as("a company is a legal person").isEqualTo("Banque Populaire");
        assertThat(erased.toString()).doesNotContain("Recours", "Jeanne Dupont");
    }

    @Test
    void shouldEraseOnRequestOnlyAClosedCaseNotUnderHoldAndSayWhyTheOthersWereKept() throws Exception {
        String closed = aClosedCase(RespondentType.COMPANY, "Banque Populaire");
        String held = aClosedCase(RespondentType.COMPANY, "Banque Populaire");
        assertThat(legalHold("PUT", held, "head-apsf", "Recours pendant").statusCode()).isEqualTo(200);
        String open = aClosedCase(RespondentType.COMPANY, "Banque Populaire");
        transition(open, "{\"to\": \"REOPENED\"}");

        RetentionRun.RequestOutcome outcome = retention.eraseOnRequest(List.of(closed, held, open),
                "Demande d'effacement du 3 mars");

        assertThat(outcome.erased()).containsExactly(closed);
        assertThat(outcome.kept()).containsEntry(open, RetentionRun.OPEN_CASE)
                .containsEntry(held, "under a legal hold: Recours pendant").hasSize(2);
        assertThat(outcome.record().rule()).isEqualTo(ErasureRule.DATA_SUBJECT_REQUEST);
        assertThat(outcome.record().reason()).isEqualTo("Demande d'effacement du 3 mars");
        assertThat(outcome.record().erased()).containsExactly(closed);
        assertThat(outcome.record().skippedUnderLegalHold()).containsExactly(held);
        assertThat(json.readTree(get(closed, "agent-apsf").body()).get("anonymisedAt").isNull()).isFalse();
        assertThat(get(open, "agent-apsf").body()).contains(SUBJECT);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ordersOf(closed)).hasSize(1));
        assertThat(ordersOf(open)).isEmpty();
        assertThat(ordersOf(held)).isEmpty();

        RetentionRun.RequestOutcome again = retention.eraseOnRequest(List.of(closed), "Demande renouvelée");
        assertThat(again.erased()).isEmpty();
        assertThat(again.erasedBefore()).containsExactly(closed);
    }

    @Test
    void shouldAnswerADataSubjectRequestOnlyToTheDpoAndNeverInPart() throws Exception {
        URI access = uri("/api/v1/data-subjects?email=jeanne@example.org");
        for (String username : List.of("agent-apsf", "head-apsf", "auditor")) {
            assertThat(send(HttpRequest.newBuilder(access), username).statusCode()).as(username).isEqualTo(403);
        }
        assertThat(http.send(HttpRequest.newBuilder(access).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
        String reference = aClosedCase(RespondentType.COMPANY, "Banque Populaire");
        assertThat(get(reference, "dpo").statusCode()).as("the DPO reads no case in the ordinary way").isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/audit")), "dpo").statusCode()).isEqualTo(403);

        HttpResponse<String> unreachable = send(HttpRequest.newBuilder(access), "dpo");
        assertThat(unreachable.statusCode()).isEqualTo(503);
        JsonNode problem = json.readTree(unreachable.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/part-unavailable");
        assertThat(problem.get("service").asString()).isEqualTo("intake");

        HttpResponse<String> noEmail = send(HttpRequest.newBuilder(uri("/api/v1/data-subjects")), "dpo");
        assertThat(noEmail.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noEmail.body()).get("type").asString()).isEqualTo("/problems/invalid-email");
        HttpResponse<String> noReason = send(HttpRequest.newBuilder(uri("/api/v1/data-subjects/erasure"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"jeanne@example.org\"}")), "dpo");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noReason.body()).get("type").asString()).isEqualTo("/problems/invalid-erasure-request");
        HttpResponse<String> erasureUnreachable = send(HttpRequest.newBuilder(uri("/api/v1/data-subjects/erasure"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\": \"jeanne@example.org\", \"reason\": \"Demande\"}")), "dpo");
        assertThat(erasureUnreachable.statusCode()).isEqualTo(503);
    }

    @Test
    void shouldLetOnlyTheHeadOfTheCasesSectorSetALegalHold() throws Exception {
        String reference = aClosedCase(RespondentType.PUBLIC_BODY, "Mairie de Lyon");

        problem(legalHold("PUT", reference, "agent-apsf", "Recours"), 403);
        problem(legalHold("PUT", reference, "agent-num", "Recours"), 403);
        problem(legalHold("PUT", reference, "auditor", "Recours"), 403);
        problem(legalHold("PUT", reference, "head-apsf", " "), 400);
        assertThat(json.readTree(get(reference, "agent-apsf").body()).get("underLegalHold").asBoolean()).isFalse();

        HttpResponse<String> set = legalHold("PUT", reference, "head-apsf", "Recours pendant");
        JsonNode after = json.readTree(set.body());
        assertThat(after.get("underLegalHold").asBoolean()).isTrue();
        assertThat(after.at("/legalHolds/0/by/username").asString()).isEqualTo("head-apsf");
        assertThat(after.at("/legalHolds/0/reason").asString()).isEqualTo("Recours pendant");
        problem(legalHold("PUT", reference, "head-apsf", "Encore"), 400);
        problem(legalHold("DELETE", reference, "agent-apsf", "Fin"), 403);
    }

    @Test
    void shouldChangeNothingAndPublishNothingNewOnASecondRun() throws Exception {
        String reference = aClosedCase(RespondentType.PUBLIC_BODY, "Mairie de Lyon");
        afterThePeriod();
        EliminationRecord first = retention.run();
        assertThat(first.erased()).contains(reference);
        answerAsTheOtherServices(reference, first.runId());
        await().atMost(Duration.ofSeconds(20)).until(() -> ordersOf(reference).size() == 1);
        String erased = get(reference, "agent-apsf").body();

        EliminationRecord second = retention.run();

        assertThat(second.erased()).doesNotContain(reference);
        assertThat(get(reference, "agent-apsf").body()).isEqualTo(erased);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                .until(() -> ordersOf(reference).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> recordOf(first.runId()).complete());
        assertThat(recordOf(first.runId()).unanswered().values()).allMatch(List::isEmpty);
    }

    @Test
    void shouldFindEveryCaseOfClosingsMadeAtTheSameTime() throws Exception {
        // FerretDB updates without a lock: concurrent $addToSet on the day's document lost a quarter of
        // the closings of 16 clients over 1,000 cases (./saisine bench --erase), though not at this
        // test's scale; each closing is now an insert of its own, folded by one writer: this holds
        // that path under closings made at once
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String reference = EventFixtures.testReference();
            kafka.send(TOPIC, reference, EventFixtures.json(EventFixtures.submitted(reference, Instant.now(),
                    "Mairie de Lyon", RespondentType.PUBLIC_BODY, "commune", Category.VIDEO_SURVEILLANCE, SUBJECT)));
            references.add(reference);
        }
        for (String reference : references) {
            await().atMost(Duration.ofSeconds(30)).until(() -> get(reference, "agent-apsf").statusCode() == 200);
            transition(reference, "{\"to\": \"UNDER_REVIEW\"}");
        }
        try (var closers = java.util.concurrent.Executors.newFixedThreadPool(12)) {
            List<java.util.concurrent.Future<?>> closed = new ArrayList<>();
            for (String reference : references) {
                closed.add(closers.submit(() -> {
                    transition(reference, "{\"to\": \"CLOSED\", \"outcome\": \"NO_BREACH\"}");
                    return null;
                }));
            }
            for (var each : closed) {
                each.get();
            }
        }
        afterThePeriod();

        EliminationRecord run = retention.run();

        assertThat(run.erased()).containsAll(references);
    }

    @Test
    void shouldPublishAnOrderAgainWhenAServiceHasNotAnsweredWithinReorderAfter() throws Exception {
        String reference = aClosedCase(RespondentType.PUBLIC_BODY, "Mairie de Lyon");
        afterThePeriod();
        EliminationRecord run = retention.run();
        assertThat(run.erased()).contains(reference);

        await().atMost(Duration.ofSeconds(20)).until(() -> ordersOf(reference).size() >= 2);
        EliminationRecord waiting = recordOf(run.runId());
        assertThat(waiting.orders()).isGreaterThanOrEqualTo(2);
        assertThat(waiting.unanswered().get("intake")).contains(reference);
        assertThat(waiting.complete()).isFalse();

        answerAsTheOtherServices(reference, run.runId());
        await().atMost(Duration.ofSeconds(20)).until(() -> recordOf(run.runId()).complete());
        int published = ordersOf(reference).size();
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                .until(() -> ordersOf(reference).size() == published);
    }

    @Test
    void shouldServeTheEliminationRecordsToAuditorsOnly() throws Exception {
        String runId = retention.run().runId();
        HttpResponse<String> list = send(HttpRequest.newBuilder(uri("/api/v1/retention/eliminations")), "auditor");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        assertThat(list.body()).contains(runId);
        HttpResponse<String> one = send(HttpRequest.newBuilder(uri("/api/v1/retention/eliminations/" + runId)),
                "auditor");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json.readTree(one.body()).get("rule").asString()).isEqualTo("AFTER_CLOSING");
        problem(send(HttpRequest.newBuilder(uri("/api/v1/retention/eliminations/nothing")), "auditor"), 404);

        for (String refused : List.of("agent-apsf", "head-apsf")) {
            problem(send(HttpRequest.newBuilder(uri("/api/v1/retention/eliminations")), refused), 403);
            problem(send(HttpRequest.newBuilder(uri("/api/v1/retention/eliminations/" + runId)), refused), 403);
        }
        problem(http.send(HttpRequest.newBuilder(uri("/api/v1/retention/eliminations")).build(),
                HttpResponse.BodyHandlers.ofString()), 401);
        await().atMost(Duration.ofSeconds(20)).until(() -> kafka.readAll(AUDIT).stream()
                .map(r -> json.readTree(r.value())).anyMatch(a -> a.get("action").asString()
                        .equals("GET /api/v1/retention/eliminations/{runId}") && a.at("/actor/username").asString()
                        .equals("auditor") && a.get("outcome").asString().equals("ALLOWED")));
    }

    @Test
    void shouldRunOnDemandOnTheManagementPortAndDeleteOldAuditRecords() throws Exception {
        mongo.getCollection("audit_log").insertOne(new Document("_id", "old-" + EventFixtures.testReference())
                .append("record", new Document("at", java.util.Date.from(Instant.now().minus(Duration.ofDays(400))))));
        String reference = aClosedCase(RespondentType.PUBLIC_BODY, "Mairie de Lyon");
        afterThePeriod();

        HttpResponse<String> run = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/retention"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
        JsonNode record = json.readTree(run.body());
        assertThat(record.get("erased").valueStream().map(JsonNode::asString).toList()).contains(reference);
        assertThat(record.get("auditRecordsDeleted").asLong()).isGreaterThanOrEqualTo(1);
        HttpResponse<String> read = new Actuator(managementPort).get("/actuator/retention/" + record.get("runId").asString());
        assertThat(read.statusCode()).isEqualTo(200);
        Actuator.assertNotOnServicePort(port);
    }

    // --- helpers

    /** A case in APSF about {@code respondent}, worked and closed NO_BREACH, with a note naming a person. */
    String aClosedCase(RespondentType type, String respondent) throws Exception {
        String reference = EventFixtures.testReference();
        kafka.send(TOPIC, reference, EventFixtures.json(EventFixtures.submitted(reference, Instant.now(), respondent,
                type, "commune", Category.VIDEO_SURVEILLANCE, SUBJECT)));
        await().atMost(Duration.ofSeconds(30)).until(() -> get(reference, "agent-apsf").statusCode() == 200);
        String sector = json.readTree(get(reference, "agent-apsf").body()).at("/sector/code").asString();
        assertThat(sector).isEqualTo("APSF");
        transition(reference, "{\"to\": \"UNDER_REVIEW\", \"note\": \"" + FACTS_NOTE + "\"}");
        transition(reference, "{\"to\": \"CLOSED\", \"outcome\": \"NO_BREACH\", \"letter\": \"Où la caméra est-elle ?\"}");
        return reference;
    }

    void transition(String reference, String body) throws Exception {
        String etag = get(reference, "agent-apsf").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> changed = send(HttpRequest.newBuilder(uri("/api/v1/cases/" + reference + "/transitions"))
                .header("Content-Type", "application/json").header("If-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString(body)), "agent-apsf");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    /** Waits until every case closed so far is past the period. */
    static void afterThePeriod() {
        Instant past = Instant.now().plus(PERIOD).plusMillis(200);
        await().atMost(PERIOD.plusSeconds(5)).pollInterval(Duration.ofMillis(200)).until(() -> Instant.now().isAfter(past));
    }

    HttpResponse<String> legalHold(String method, String reference, String username, String reason) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/v1/cases/" + reference + "/legal-hold"))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{\"reason\": \"" + reason + "\"}")), username);
    }

    /** What intake and notification would answer, were they running. */
    void answerAsTheOtherServices(String reference, String runId) {
        for (String service : List.of("intake", "notification")) {
            kafka.send(TOPIC, reference, EventFixtures.json(new PersonalDataErased(reference, service, runId,
                    Map.of(service.equals("intake") ? "complaints" : "messages", 1L), Instant.now())));
        }
    }

    EliminationRecord recordOf(String runId) throws Exception {
        HttpResponse<String> read = new Actuator(managementPort).get("/actuator/retention/" + runId);
        return json.readValue(read.body(), EliminationRecord.class);
    }

    List<ConsumerRecord<String, String>> ordersOf(String reference) {
        return kafka.readAll(TOPIC).stream().filter(r -> reference.equals(r.key()))
                .filter(r -> "ErasureOrdered".equals(KafkaProbe.header(r, "saisine_eventType"))).toList();
    }

    /** Everything the database keeps of the case: its head, every version, its letters. */
    String storedText(String reference) {
        StringBuilder text = new StringBuilder();
        Document head = mongo.getCollection("cases").find(Filters.eq("_id", reference)).first();
        text.append(head.toJson());
        long version = head.get("version", Number.class).longValue();
        for (long v = 2; v <= version + 1; v++) {
            Document each = mongo.getCollection("cases_versions").find(Filters.eq("_id", reference + ":" + v)).first();
            if (each != null) {
                text.append(each.toJson());
            }
        }
        Document letters = mongo.getCollection("case_letters").find(Filters.eq("_id", reference)).first();
        if (letters != null) {
            text.append(letters.toJson());
        }
        return text.toString();
    }

    HttpResponse<String> get(String reference, String username) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/v1/cases/" + reference)), username);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String username) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + tokens.accessToken(username)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                c -> assertThat(c).startsWith("application/problem+json"));
        return json.readTree(response.body());
    }
}
