package fr.saisine.intake.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplaintStatus;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.FollowUpLinkIssued;
import fr.saisine.events.MessageKind;
import fr.saisine.events.NotificationDelivered;
import fr.saisine.events.StaffActor;
import fr.saisine.intake.followup.domain.FollowUpRecords;
import fr.saisine.intake.followup.domain.SentLetter;
import fr.saisine.platform.followup.FollowUpTokens;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.Multipart;
import fr.saisine.testsupport.SampleFiles;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The complainant's follow-up through intake alone: the read model fed by the events triage and
 * notification would send, the page and its JSON, the answer, the withdrawal and the lost link,
 * each going out as an event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FollowUpIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final String NOTIFICATIONS = TestServers.uniqueName("notification-events");
    static final String APSF = "Affaires publiques, sociales et financières";
    static final StaffActor AGENT = new StaffActor("sub-agent", "agent-apsf", "Claire Martin");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    FollowUpRecords records;

    @Autowired
    MeterRegistry registry;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "intake");
        // files more complaints than the default rate limit lets one address (the limit has its own test)
        registry.add("saisine.intake.rate-limit", () -> "off");
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.learnCaseSectors-in-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.followCases-in-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.followLetters-in-0.destination", () -> NOTIFICATIONS);
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination",
                () -> TestServers.uniqueName("audit-events"));
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    /** A complaint filed through the API, routed, and acknowledged to Jeanne with a link: its token. */
    record Filed(String reference, String email, String token) {
    }

    Filed fileRouteAndAcknowledge() throws Exception {
        String email = "jeanne-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/complaints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"complainant": {"type": "PERSON", "name": "Jeanne Dupont", "email": "%s",
                           "postalAddress": {"street": "3 rue des Lilas", "postalCode": "75011", "city": "Paris", "country": "FR"},
                           "residence": "METROPOLITAN_FRANCE"},
                         "respondent": {"name": "Caisse d'allocations familiales", "type": "PUBLIC_BODY", "activity": "sécurité sociale"},
                         "category": "ACCESS_RIGHT", "subject": "Pas de réponse à ma demande d'accès",
                         "facts": "J'ai écrit deux fois sans réponse."}""".formatted(email))));
        assertThat(created.statusCode()).isEqualTo(201);
        String reference = json.readTree(created.body()).get("reference").asString();
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "APSF", APSF)));
        String token = FollowUpTokens.mint();
        String messageId = reference + ":ACKNOWLEDGEMENT:" + email;
        kafka.send(NOTIFICATIONS, reference, EventFixtures.json(new FollowUpLinkIssued(reference,
                FollowUpTokens.hash(token), email, "Jeanne Dupont", messageId, Instant.now())));
        kafka.send(NOTIFICATIONS, reference, EventFixtures.json(new NotificationDelivered(reference, messageId,
                MessageKind.ACKNOWLEDGEMENT, email, "Accusé de réception de votre plainte n° " + reference, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> followUp(token), r -> r.statusCode() == 200
                && json.readTree(r.body()).get("status").asString().equals("TRIAGED")
                && json.readTree(r.body()).get("letters").size() == 1);
        return new Filed(reference, email, token);
    }

    void changeStatus(String reference, long version, ComplaintStatus from, ComplaintStatus to, ClosureOutcome outcome,
            String question, Instant at) {
        kafka.send(COMPLAINTS, reference, EventFixtures.json(new ComplaintStatusChanged(reference, version, from, to,
                outcome, null, question, null, AGENT, new ComplaintTriaged.Sector("APSF", APSF), at)));
    }

    JsonNode awaitStatus(String token, ComplaintStatus status) {
        return json.readTree(await().atMost(Duration.ofSeconds(30)).until(() -> followUp(token),
                r -> r.statusCode() == 200 && json.readTree(r.body()).get("status").asString().equals(status.name())).body());
    }

    HttpResponse<String> followUp(String token) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/v1/follow-up/" + token)).GET());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postForm(String path, String form) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> postMultipart(String path, Multipart body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", body.contentType()).POST(body.publisher()));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    List<JsonNode> published(String reference, String type) {
        return kafka.readAll(COMPLAINTS).stream().filter(r -> reference.equals(r.key()))
                .filter(r -> type.equals(KafkaProbe.header(r, "saisine_eventType")))
                .map(ConsumerRecord::value).map(json::readTree).toList();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo(type);
    }

    @Test
    void shouldShowTheHolderTheStatusHistoryAndLettersWithoutCachingOrReferrer() throws Exception {
        Filed filed = fileRouteAndAcknowledge();
        changeStatus(filed.reference(), 3, ComplaintStatus.TRIAGED, ComplaintStatus.UNDER_REVIEW, null, null, Instant.now());

        JsonNode page = awaitStatus(filed.token(), ComplaintStatus.UNDER_REVIEW);
        assertThat(page.get("reference").asString()).isEqualTo(filed.reference());
        assertThat(page.get("statusLabel").asString()).isEqualTo("En cours d'instruction");
        assertThat(page.get("history").valueStream().map(s -> s.get("status").asString()).toList())
                .containsExactly("SUBMITTED", "TRIAGED", "UNDER_REVIEW");
        assertThat(page.at("/letters/0/kind").asString()).isEqualTo("ACKNOWLEDGEMENT");
        assertThat(page.get("actions").valueStream().map(JsonNode::asString).toList()).containsExactly("WITHDRAW");
        assertThat(page.toString()).doesNotContain("agent-apsf", "Claire Martin", "sub-agent");

        HttpResponse<String> response = followUp(filed.token());
        assertThat(response.headers().allValues("Cache-Control")).anySatisfy(v -> assertThat(v).contains("no-store"));
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        HttpResponse<String> html = send(HttpRequest.newBuilder(uri("/suivi/" + filed.token())).GET());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains(filed.reference(), "En cours d&#39;instruction", "Accusé de réception");
        assertThat(html.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(html.headers().allValues("Cache-Control")).anySatisfy(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void shouldChangeNothingWhenTheTriageAndALetterAreRedelivered() throws Exception {
        Filed filed = fileRouteAndAcknowledge();
        changeStatus(filed.reference(), 2, ComplaintStatus.TRIAGED, ComplaintStatus.UNDER_REVIEW, null, null, Instant.now());
        awaitStatus(filed.token(), ComplaintStatus.UNDER_REVIEW);
        String acknowledgement = filed.reference() + ":ACKNOWLEDGEMENT:" + filed.email();
        String later = filed.reference() + ":UNDER_REVIEW:" + filed.email();

        kafka.send(COMPLAINTS, filed.reference(), EventFixtures.json(EventFixtures.triaged(filed.reference(), "APSF", APSF)));
        // after the redelivered triage in the complaint's partition: once it shows, the triage was handled
        changeStatus(filed.reference(), 3, ComplaintStatus.UNDER_REVIEW, ComplaintStatus.INFORMATION_REQUESTED, null,
                "Avez-vous gardé une copie de vos courriers ?", Instant.now());
        kafka.send(NOTIFICATIONS, filed.reference(), EventFixtures.json(new NotificationDelivered(filed.reference(),
                acknowledgement, MessageKind.ACKNOWLEDGEMENT, filed.email(), "Accusé de réception", Instant.now())));
        kafka.send(NOTIFICATIONS, filed.reference(), EventFixtures.json(new NotificationDelivered(filed.reference(),
                later, MessageKind.UNDER_REVIEW, filed.email(), "Votre plainte est en cours d'instruction", Instant.now())));

        JsonNode page = json.readTree(await().atMost(Duration.ofSeconds(30)).until(() -> followUp(filed.token()),
                r -> r.statusCode() == 200 && json.readTree(r.body()).get("letters").size() == 2
                        && json.readTree(r.body()).get("status").asString().equals("INFORMATION_REQUESTED")).body());
        assertThat(page.get("letters").valueStream().map(l -> l.get("kind").asString()).toList())
                .containsExactlyInAnyOrder("ACKNOWLEDGEMENT", "UNDER_REVIEW");
        assertThat(page.get("history").valueStream().map(h -> h.get("status").asString()).toList())
                .as("the triage redelivered after a later change set nothing back")
                .containsExactly("SUBMITTED", "TRIAGED", "UNDER_REVIEW", "INFORMATION_REQUESTED");
    }

    @Test
    void shouldListTheFirstLettersOfSeveralComplaintsWithOneInsertAndEachLetterOnce() {
        String first = EventFixtures.testReference();
        String second = first + "-2";
        SentLetter toAlice = letter(first, "alice");
        SentLetter toBruno = letter(first, "bruno");
        SentLetter toJeanne = letter(second, "jeanne");
        Map<String, List<SentLetter>> poll = new LinkedHashMap<>();
        poll.put(first, List.of(toAlice, toBruno, toAlice));
        poll.put(second, List.of(toJeanne));
        double inserts = writeCommands("insert");

        records.addLetters(poll);

        assertThat(writeCommands("insert") - inserts).as("insert commands").isEqualTo(1);
        SentLetter later = letter(first, "alice-later");
        records.addLetters(Map.of(first, List.of(toBruno, later)));
        assertThat(records.letters(first)).containsExactly(toAlice, toBruno, later);
        assertThat(records.letters(second)).containsExactly(toJeanne);
    }

    static SentLetter letter(String reference, String to) {
        return new SentLetter(reference + ":ACKNOWLEDGEMENT:" + to + "@example.org", MessageKind.ACKNOWLEDGEMENT,
                to + "@example.org", "Accusé de réception", Instant.parse("2026-11-27T10:00:00Z"));
    }

    double writeCommands(String command) {
        FunctionCounter counter = registry.find("saisine.db.write.commands").tag("command", command)
                .tag("collection", "follow_up_letters").functionCounter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldAnswerAWrongAndAnExpiredLinkWithTheSame404() throws Exception {
        Filed filed = fileRouteAndAcknowledge();
        changeStatus(filed.reference(), 2, ComplaintStatus.TRIAGED, ComplaintStatus.UNDER_REVIEW, null, null,
                Instant.parse("2020-01-06T10:00:00Z"));
        changeStatus(filed.reference(), 3, ComplaintStatus.UNDER_REVIEW, ComplaintStatus.CLOSED,
                ClosureOutcome.NO_BREACH, null, Instant.parse("2020-01-07T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> followUp(filed.token()).statusCode() == 404);

        HttpResponse<String> expired = followUp(filed.token());
        HttpResponse<String> wrong = followUp(FollowUpTokens.mint());
        HttpResponse<String> malformed = followUp("not-a-token");
        for (HttpResponse<String> response : List.of(expired, wrong, malformed)) {
            assertProblem(response, 404, "/problems/not-found");
            assertThat(json.readTree(response.body()).get("detail").asString())
                    .isEqualTo(json.readTree(wrong.body()).get("detail").asString());
        }
        assertThat(send(HttpRequest.newBuilder(uri("/suivi/" + FollowUpTokens.mint())).GET()).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldKeepAClosedCasesLinkOpenUntilTheLastDayToAppeal() throws Exception {
        Filed filed = fileRouteAndAcknowledge();
        changeStatus(filed.reference(), 2, ComplaintStatus.TRIAGED, ComplaintStatus.UNDER_REVIEW, null, null, Instant.now());
        changeStatus(filed.reference(), 3, ComplaintStatus.UNDER_REVIEW, ComplaintStatus.CLOSED,
                ClosureOutcome.REMINDER_OF_OBLIGATIONS, null, Instant.now());

        JsonNode closed = awaitStatus(filed.token(), ComplaintStatus.CLOSED);
        assertThat(closed.get("validUntil").asString()).isNotBlank();
        assertThat(closed.get("actions").size()).isZero();
        assertProblem(post("/api/v1/follow-up/" + filed.token() + "/withdrawal", "{}"), 409, "/problems/case-closed");
    }

    @Test
    void shouldSendTheAnswerToTheOpenQuestionOnceAndRefuseASecond() throws Exception {
        Filed filed = fileRouteAndAcknowledge();
        assertProblem(post("/api/v1/follow-up/" + filed.token() + "/answers", "{\"text\": \"trop tôt\"}"), 409,
                "/problems/answer-not-awaited");
        changeStatus(filed.reference(), 2, ComplaintStatus.TRIAGED, ComplaintStatus.UNDER_REVIEW, null, null, Instant.now());
        changeStatus(filed.reference(), 3, ComplaintStatus.UNDER_REVIEW, ComplaintStatus.INFORMATION_REQUESTED, null,
                "Avez-vous gardé une copie de vos courriers ?", Instant.now());
        JsonNode asked = awaitStatus(filed.token(), ComplaintStatus.INFORMATION_REQUESTED);
        assertThat(asked.get("question").asString()).isEqualTo("Avez-vous gardé une copie de vos courriers ?");
        assertThat(asked.get("actions").valueStream().map(JsonNode::asString).toList()).containsExactly("ANSWER", "WITHDRAW");

        assertProblem(post("/api/v1/follow-up/" + filed.token() + "/answers", "{\"text\": \"  \"}"), 400,
                "/problems/invalid-follow-up-request");
        HttpResponse<String> answered = post("/api/v1/follow-up/" + filed.token() + "/answers",
                "{\"text\": \"Oui, je les joins par courriel.\"}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        assertThat(json.readTree(answered.body()).get("reference").asString()).isEqualTo(filed.reference());
        assertProblem(post("/api/v1/follow-up/" + filed.token() + "/answers", "{\"text\": \"encore\"}"), 409,
                "/problems/answer-not-awaited");

        List<JsonNode> events = await().atMost(Duration.ofSeconds(20))
                .until(() -> published(filed.reference(), "ComplainantAnswered"), e -> !e.isEmpty());
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().at("/payload/text").asString()).isEqualTo("Oui, je les joins par courriel.");
        assertThat(events.getFirst().at("/payload/questionVersion").asLong()).isEqualTo(3);
        assertThat(events.getFirst().at("/payload/answeredBy").asString()).isEqualTo("Jeanne Dupont");
        assertThat(json.readTree(followUp(filed.token()).body()).get("actions").valueStream().map(JsonNode::asString)
                .toList()).containsExactly("WITHDRAW");
    }

    @Test
    void shouldKeepAnAnswersFilesForTheSectorsStaffAndNothingOfAnAnswerRefusedForItsFiles() throws Exception {
        Filed filed = fileRouteAndAcknowledge();
        changeStatus(filed.reference(), 2, ComplaintStatus.TRIAGED, ComplaintStatus.UNDER_REVIEW, null, null, Instant.now());
        changeStatus(filed.reference(), 3, ComplaintStatus.UNDER_REVIEW, ComplaintStatus.INFORMATION_REQUESTED, null,
                "Avez-vous gardé une copie de vos courriers ?", Instant.now());
        awaitStatus(filed.token(), ComplaintStatus.INFORMATION_REQUESTED);
        String answers = "/api/v1/follow-up/" + filed.token() + "/answers";

        // a web page sent as a proof: refused by its content, on the API and on the page, and nothing recorded
        assertProblem(postMultipart(answers, new Multipart().json("answer", "{\"text\": \"Voici.\"}")
                .file("attachments", "preuve.pdf", "application/pdf", SampleFiles.html())), 415,
                "/problems/unsupported-attachment");
        HttpResponse<String> page = postMultipart("/suivi/" + filed.token() + "/reponse", new Multipart()
                .field("text", "Voici.").file("attachments", "preuve.pdf", "application/pdf", SampleFiles.html()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("error-summary\"", "href=\"#pieces\"", "« preuve.pdf » n&#39;est pas accepté",
                "aria-describedby=\"pieces-aide pieces-erreur\"");
        assertThat(published(filed.reference(), "ComplainantAnswered")).isEmpty();

        byte[] copy = SampleFiles.pdf(50_000);
        HttpResponse<String> answered = postMultipart(answers, new Multipart()
                .json("answer", "{\"text\": \"Oui, la voici.\"}")
                .file("attachments", "copie du courrier.pdf", "application/pdf", copy));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);

        JsonNode event = await().atMost(Duration.ofSeconds(20))
                .until(() -> published(filed.reference(), "ComplainantAnswered"), e -> !e.isEmpty()).getFirst();
        JsonNode file = event.at("/payload/attachments/0");
        assertThat(file.get("filename").asString()).isEqualTo("copie du courrier.pdf");
        assertThat(file.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(file.get("size").asLong()).isEqualTo(copy.length);
        URI download = uri("/api/v1/complaints/" + filed.reference() + "/attachments/" + file.get("id").asString());
        HttpResponse<byte[]> downloaded = http.send(HttpRequest.newBuilder(download)
                .header("Authorization", "Bearer " + tokens.accessToken("agent-apsf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(copy);
        assertThat(http.send(HttpRequest.newBuilder(download).header("Authorization", "Bearer "
                + tokens.accessToken("agent-num")).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(403);
        // the file's id is found under this complaint only
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/complaints/" + fileRouteAndAcknowledge().reference()
                + "/attachments/" + file.get("id").asString())).header("Authorization", "Bearer "
                + tokens.accessToken("agent-apsf"))), 404, "/problems/not-found");
    }

    @Test
    void shouldRequestTheWithdrawalOnceAndSaySoWhenAskedAgain() throws Exception {
        Filed filed = fileRouteAndAcknowledge();

        HttpResponse<String> first = post("/api/v1/follow-up/" + filed.token() + "/withdrawal",
                "{\"reason\": \"La caisse m'a enfin répondu.\"}");
        HttpResponse<String> second = post("/api/v1/follow-up/" + filed.token() + "/withdrawal", "{}");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(json.readTree(first.body()).get("withdrawal").asString()).isEqualTo("REQUESTED");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(json.readTree(second.body()).get("withdrawal").asString()).isEqualTo("ALREADY_REQUESTED");
        List<JsonNode> events = await().atMost(Duration.ofSeconds(20))
                .until(() -> published(filed.reference(), "WithdrawalRequested"), e -> !e.isEmpty());
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().at("/payload/reason").asString()).isEqualTo("La caisse m'a enfin répondu.");
    }

    @Test
    void shouldShowAnAccessibleErrorForABlankAnswerOnThePage() throws Exception {
        Filed filed = fileRouteAndAcknowledge();
        changeStatus(filed.reference(), 2, ComplaintStatus.TRIAGED, ComplaintStatus.UNDER_REVIEW, null, null, Instant.now());
        changeStatus(filed.reference(), 3, ComplaintStatus.UNDER_REVIEW, ComplaintStatus.INFORMATION_REQUESTED, null,
                "Quelle date ?", Instant.now());
        awaitStatus(filed.token(), ComplaintStatus.INFORMATION_REQUESTED);

        HttpResponse<String> page = postForm("/suivi/" + filed.token() + "/reponse", "text=");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("error-summary\"", "href=\"#reponse\"", "Écrivez votre réponse",
                "aria-describedby=\"reponse-erreur reponse-aide\"", "aria-invalid=\"true\"");
        assertThat(published(filed.reference(), "ComplainantAnswered")).isEmpty();

        HttpResponse<String> sent = postForm("/suivi/" + filed.token() + "/reponse",
                "text=" + URLEncoder.encode("Le 3 mars.", StandardCharsets.UTF_8));
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/suivi/" + filed.token()));
    }

    @Test
    void shouldMailAFreshLinkOnlyForAMatchingAddressAndAnswerAlikeEitherWay() throws Exception {
        Filed filed = fileRouteAndAcknowledge();

        HttpResponse<String> matching = postForm("/suivi/lien-perdu", "reference=" + filed.reference() + "&email="
                + URLEncoder.encode(filed.email().toUpperCase(), StandardCharsets.UTF_8));
        HttpResponse<String> other = postForm("/suivi/lien-perdu", "reference=" + filed.reference() + "&email="
                + URLEncoder.encode("quelqu-un@example.org", StandardCharsets.UTF_8));

        assertThat(matching.statusCode()).isEqualTo(302);
        assertThat(other.statusCode()).isEqualTo(302);
        assertThat(other.headers().firstValue("Location")).isEqualTo(matching.headers().firstValue("Location"));
        List<JsonNode> requests = await().atMost(Duration.ofSeconds(20))
                .until(() -> published(filed.reference(), "FollowUpLinkRequested"), e -> !e.isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> published(filed.reference(), "FollowUpLinkRequested").size() == 1);
        assertThat(requests.getFirst().at("/payload/recipient").asString()).isEqualToIgnoringCase(filed.email());

        HttpResponse<String> malformed = postForm("/suivi/lien-perdu", "reference=123&email=x");
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(malformed.body()).contains("error-summary\"", "aria-describedby=\"reference-erreur\"",
                "aria-describedby=\"email-erreur\"");
    }

    @Test
    void shouldOpenNothingWithAStaffTokenAlone() throws Exception {
        Filed filed = fileRouteAndAcknowledge();
        HttpResponse<String> withStaffToken = send(HttpRequest.newBuilder(uri("/api/v1/follow-up/" + FollowUpTokens.mint()))
                .header("Authorization", "Bearer " + tokens.accessToken("agent-apsf")).GET());

        assertProblem(withStaffToken, 404, "/problems/not-found");
        assertThat(followUp(filed.token()).statusCode()).isEqualTo(200);
    }
}
