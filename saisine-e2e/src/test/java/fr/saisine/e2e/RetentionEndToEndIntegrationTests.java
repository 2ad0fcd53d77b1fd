package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.saisine.testsupport.Actuator;
import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.MimeText;
import fr.saisine.testsupport.Multipart;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 22's proof, on a stack of its own (SAISINE_RETENTION_AFTER_CLOSING=PT1M, its topics kept a
 * minute): a complaint with distinctive values and an attachment is filed, worked and closed, and
 * is readable; a minute later the retention run erases it while intake is killed (SIGKILL) in the
 * middle and started again; then none of its values is in any file of the stack — the database's
 * files, the broker's log directories, the three services' logs — the case answers with
 * {@code anonymisedAt}, intake with 410, the statistics still count it, and a case under legal
 * hold and a reopened case are left as they were.
 */
class RetentionEndToEndIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static final MailSink mail = MailSink.ofTestServers();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final Pattern LINK = Pattern.compile("/suivi/([A-Za-z0-9_-]{43})");
    static final Duration PERIOD = Duration.ofMinutes(1);
    /** What the broker keeps of this stack's transport topics: the period, so that the test waits once. */
    static final String KEPT_MS = String.valueOf(PERIOD.toMillis());

    static RunningStack stack;

    @BeforeAll
    static void aStackOfItsOwn() throws Exception {
        Map<String, String> everyService = Map.of(
                // erasures compacted at once: the test looks in the files soon after
                "saisine.retention.compact-after", "PT1S");
        Map<String, String> triage = new HashMap<>(everyService);
        triage.putAll(Map.of(
                "saisine.retention.after-closing", PERIOD.toString(),
                // runs on demand only (the test's), never by the clock
                "saisine.retention.schedule", "-",
                "saisine.retention.reorder-check", "PT5S",
                "saisine.retention.reorder-after", "PT10S",
                // the staff views' topic rolls its segments at this pace (2 s each, below): compaction follows
                "saisine.views.segment-roll-every", "PT3S"));
        stack = RunningStack.startApart(Map.of("intake", everyService, "triage", triage, "notification", everyService),
                Map.of("SAISINE_KAFKA_TRANSPORT_RETENTION_MS", KEPT_MS, "SAISINE_KAFKA_AUDIT_RETENTION_MS", KEPT_MS,
                        "SAISINE_KAFKA_SEGMENT_MS", "2000", "SAISINE_KAFKA_CASE_VIEWS_MAX_COMPACTION_LAG_MS", "2000"));
        // the broker removes a deleted or compacted segment's file a minute later by default
        try (Admin admin = Admin.create(TestServers.addresses().kafkaClientConfig())) {
            Map<ConfigResource, java.util.Collection<AlterConfigOp>> quick = new HashMap<>();
            for (String topic : topics()) {
                quick.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                        new AlterConfigOp(new ConfigEntry("file.delete.delay.ms", "1000"), AlterConfigOp.OpType.SET)));
            }
            admin.incrementalAlterConfigs(quick).all().get();
        }
    }

    @AfterAll
    static void stopIt() {
        if (stack != null) {
            stack.close();
        }
    }

    record Complainant(String name, String email, String street, String city, String subject, String facts,
            String note, String letter, byte[] attachment) {

        static Complainant distinctive() {
            String id = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            return new Complainant("Xanthippe Vorquil-" + id, "vorquil-" + id + "@example.org",
                    "17 impasse Quelvorn-" + id, "Zorbec-" + id, "Sujet-" + id + " des cameras",
                    "Faits-" + id + " : la mairie filme ma fenetre.", "Note-" + id + " de l'agent",
                    "Paragraphe-" + id + " : la conservation des images", ("Piece-jointe-" + id + "-").repeat(30)
                            .getBytes(StandardCharsets.US_ASCII));
        }

        /** Every value that names or describes the complainant, as a file would hold it. */
        List<String> traces() {
            String base64 = Base64.getEncoder().encodeToString(attachment);
            return List.of(name, email, street, city, subject, facts, note, letter,
                    new String(attachment, 0, 60, StandardCharsets.US_ASCII), base64.substring(0, 60));
        }
    }

    @Test
    void shouldLeaveNoTraceOfAnErasedComplaintInAnyFileEvenWithIntakeKilledDuringTheRun() throws Exception {
        Complainant erased = Complainant.distinctive();
        Complainant heldOne = Complainant.distinctive();
        Complainant reopenedOne = Complainant.distinctive();
        String reference = file(erased);
        String held = file(heldOne);
        String reopened = file(reopenedOne);
        for (Map.Entry<String, Complainant> each : Map.of(reference, erased, held, heldOne, reopened, reopenedOne)
                .entrySet()) {
            transition(each.getKey(), "{\"to\": \"UNDER_REVIEW\"}");
            transition(each.getKey(), """
                    {"to": "CLOSED", "outcome": "REMINDER_OF_OBLIGATIONS", "note": "%s", "letter": "%s"}"""
                    .formatted(each.getValue().note(), each.getValue().letter()));
        }
        Instant lastClosed = Instant.now();
        HttpResponse<String> hold = send(HttpRequest.newBuilder(stack.triage.url("/api/v1/cases/" + held + "/legal-hold"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"reason\": \"Recours pendant devant le Conseil d'État\"}")),
                "head-apsf");
        assertThat(hold.statusCode()).as(hold.body()).isBetween(200, 204);
        transition(reopened, "{\"to\": \"REOPENED\"}");

        // readable through the API, and in the files the search below will look at
        String followUpToken = followUpToken(erased.email());
        HttpResponse<String> asFiled = send(HttpRequest.newBuilder(stack.intake.url("/api/v1/complaints/" + reference)),
                "agent-apsf");
        assertThat(asFiled.statusCode()).isEqualTo(200);
        assertThat(asFiled.body()).contains(erased.name(), erased.email(), erased.facts());
        await().atMost(Duration.ofSeconds(60)).until(() -> mail.messagesTo(erased.email()).stream()
                .anyMatch(letter -> MimeText.plainText(letter).contains("Conseil d'État")));
        assertThat(StackFiles.traces(databaseFiles(), List.of(erased.name(), erased.traces().getLast())))
                .as("the database's files hold the complaint and its attachment before the run")
                .anyMatch(found -> found.startsWith(erased.name()))
                .anyMatch(found -> found.startsWith(erased.traces().getLast()));
        assertThat(StackFiles.traces(brokerFiles(), List.of(erased.name())))
                .as("the broker's files hold the complaint before the run").isNotEmpty();
        double closedBefore = closedCasesCounted();

        await().atMost(PERIOD.plusSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Instant.now().isAfter(lastClosed.plus(PERIOD).plusSeconds(2)));
        JsonNode run = json.readTree(http.send(HttpRequest.newBuilder(stack.triage.managementUrl("/actuator/retention"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body());
        stack.intake.kill();
        assertThat(strings(run.get("erased"))).contains(reference).doesNotContain(held, reopened);
        assertThat(strings(run.get("skippedUnderLegalHold"))).contains(held);
        stack.intake.restart();

        String runId = run.get("runId").asString();
        JsonNode answered = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> json.readTree(http.send(HttpRequest.newBuilder(stack.triage.managementUrl(
                        "/actuator/retention/" + runId)).build(), HttpResponse.BodyHandlers.ofString()).body()),
                        record -> record.get("unanswered").valueStream().allMatch(JsonNode::isEmpty));
        assertThat(answered.get("answered").propertyNames()).contains("intake", "triage", "notification");

        HttpResponse<String> caseNow = send(HttpRequest.newBuilder(stack.triage.url("/api/v1/cases/" + reference)),
                "agent-apsf");
        assertThat(caseNow.statusCode()).isEqualTo(200);
        assertThat(json.readTree(caseNow.body()).get("anonymisedAt").isNull()).isFalse();
        assertThat(caseNow.body()).doesNotContain(erased.traces());
        HttpResponse<String> gone = send(HttpRequest.newBuilder(stack.intake.url("/api/v1/complaints/" + reference)),
                "agent-apsf");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(json.readTree(gone.body()).get("type").asString()).endsWith("/problems/erased");
        assertThat(send(HttpRequest.newBuilder(stack.notification.url("/api/v1/complaints/" + reference
                + "/notifications")), "agent-apsf").statusCode()).isEqualTo(410);
        HttpResponse<String> link = http.send(HttpRequest.newBuilder(stack.intake.url("/suivi/" + followUpToken)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(link.body()).doesNotContain(erased.traces()).doesNotContain(reference);
        assertThat(closedCasesCounted()).as("the statistics still count the anonymised case").isEqualTo(closedBefore);
        for (String untouched : List.of(held, reopened)) {
            assertThat(json.readTree(send(HttpRequest.newBuilder(stack.triage.url("/api/v1/cases/" + untouched)),
                    "agent-apsf").body()).get("anonymisedAt").isNull()).as(untouched).isTrue();
            assertThat(send(HttpRequest.newBuilder(stack.intake.url("/api/v1/complaints/" + untouched)), "agent-apsf")
                    .statusCode()).as(untouched).isEqualTo(200);
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<Path> files = new ArrayList<>(databaseFiles());
            files.addAll(brokerFiles());
            files.addAll(List.of(stack.intake.log(), stack.triage.log(), stack.notification.log()));
            assertThat(StackFiles.traces(files, erased.traces())).as("traces of the erased complaint").isEmpty();
        });
    }

    String file(Complainant who) throws Exception {
        String complaint = """
                {"complainant": {"type": "PERSON", "name": "%s", "email": "%s",
                   "postalAddress": {"street": "%s", "postalCode": "69001", "city": "%s", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Commune de Lyon", "type": "PUBLIC_BODY", "activity": "commune"},
                 "category": "VIDEO_SURVEILLANCE", "subject": "%s", "facts": "%s"}"""
                .formatted(who.name(), who.email(), who.street(), who.city(), who.subject(), who.facts());
        String reference = stack.fileComplaint(new Multipart().json("complaint", complaint)
                .file("attachments", "piece.txt", "text/plain", who.attachment()));
        // acknowledged: routed, and its letter accepted by the mail server
        await().atMost(Duration.ofSeconds(90)).until(() -> !mail.messagesTo(who.email()).isEmpty());
        return reference;
    }

    String followUpToken(String email) throws Exception {
        String acknowledgement = MimeText.plainText(mail.messagesTo(email).getFirst());
        Matcher link = LINK.matcher(acknowledgement);
        assertThat(link.find()).as("a follow-up link in:%n%s", acknowledgement).isTrue();
        return link.group(1);
    }

    void transition(String reference, String body) throws Exception {
        HttpResponse<String> current = await().atMost(Duration.ofSeconds(60)).until(() -> send(HttpRequest.newBuilder(
                stack.triage.url("/api/v1/cases/" + reference)), "agent-apsf"), r -> r.statusCode() == 200);
        HttpResponse<String> changed = send(HttpRequest.newBuilder(stack.triage.url("/api/v1/cases/" + reference
                + "/transitions")).header("If-Match", current.headers().firstValue("ETag").orElseThrow())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), "agent-apsf");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    static HttpResponse<String> send(HttpRequest.Builder request, String username) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + tokens.accessToken(username)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    double closedCasesCounted() throws Exception {
        URI metrics = stack.triage.managementUrl("/actuator/prometheus");
        String scrape = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
        return Actuator.sample(scrape, "saisine_cases", "sector=\"APSF\"", "status=\"CLOSED\"").orElse(0);
    }

    /** This stack's databases' files (FerretDB: NAME.sqlite, -wal, -shm). */
    static List<Path> databaseFiles() throws Exception {
        List<String> databases = List.of("intake", "triage", "notification").stream()
                .map(service -> stack.settingsOf(service).get("spring.mongodb.database")).toList();
        return StackFiles.filesUnder(StackFiles.databaseFiles(),
                file -> databases.stream().anyMatch(db -> file.getFileName().toString().startsWith(db + ".")));
    }

    /** The log directories of this stack's topics (and of the dead letters of its consumers). */
    static List<Path> brokerFiles() throws Exception {
        List<String> topics = topics();
        return StackFiles.filesUnder(StackFiles.brokerFiles(),
                file -> topics.stream().anyMatch(topic -> file.getParent().getFileName().toString().startsWith(topic)));
    }

    static List<String> topics() {
        Map<String, String> triage = stack.settingsOf("triage");
        return List.of(triage.get("spring.cloud.stream.bindings.triageComplaint-in-0.destination"),
                triage.get("spring.cloud.stream.bindings.recordLetters-in-0.destination"),
                triage.get("spring.cloud.stream.bindings.gatherAuditRecords-in-0.destination"),
                triage.get("spring.cloud.stream.bindings.caseViews-out-0.destination"));
    }

    static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
