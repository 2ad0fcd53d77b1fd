package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.saisine.testsupport.ApiCalls;
import fr.saisine.testsupport.Multipart;
import fr.saisine.testsupport.StaffTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The DPO answers a data subject on the running stack: triage gathers what the three services hold
 * about an address (intake's complaint and files, triage's case and letters, notification's
 * messages), as JSON and as a ZIP with the file's bytes; an erasure request keeps an open case, with
 * the reason, and erases it once closed, after which intake answers 410 for the complaint.
 */
class DataSubjectRequestsEndToEndIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final String ID = UUID.randomUUID().toString().substring(0, 8);
    static final String EMAIL = "dpo-case-" + ID + "@example.org";
    static final byte[] FILE = ("Pièce distinctive " + ID + " pour la demande d'accès.\n").getBytes(StandardCharsets.UTF_8);
    static RunningStack stack;

    @BeforeAll
    static void stack() throws Exception {
        stack = RunningStack.get();
    }

    static String file(String email) throws Exception {
        String complaint = """
                {"complainant": {"type": "PERSON", "name": "Odile Marchand-%s", "email": "%s",
                   "postalAddress": {"street": "8 rue des Tanneurs", "postalCode": "75011", "city": "Paris", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Caisse primaire d'assurance maladie", "type": "PUBLIC_BODY", "activity": "sécurité sociale"},
                 "category": "ACCESS_RIGHT", "subject": "Demande d'accès restée sans réponse",
                 "facts": "Ma demande d'accès du mois dernier est restée sans réponse."}""".formatted(ID, email);
        return stack.fileComplaint(new Multipart().json("complaint", complaint)
                .file("attachments", "piece-" + ID + ".txt", "text/plain", FILE));
    }

    static String bearer(String username) {
        return ApiCalls.bearer(tokens, username);
    }

    static HttpResponse<String> access(String email, String username) throws Exception {
        return ApiCalls.get(stack.triage.url("/api/v1/data-subjects?email=" + email), bearer(username));
    }

    static HttpResponse<String> erase(String body, String authorization) throws Exception {
        return ApiCalls.post(stack.triage.url("/api/v1/data-subjects/erasure"), "application/json", body, authorization);
    }

    static void transition(String reference, String body) throws Exception {
        String etag = await().atMost(Duration.ofSeconds(60)).until(() -> ApiCalls.get(
                stack.triage.url("/api/v1/cases/" + reference), bearer("agent-apsf")), r -> r.statusCode() == 200)
                .headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> changed = http.send(HttpRequest.newBuilder(
                stack.triage.url("/api/v1/cases/" + reference + "/transitions")).header("Authorization", bearer("agent-apsf"))
                .header("If-Match", etag).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    @Test
    void shouldGatherEverythingHeldAboutTheAddressThenKeepTheOpenCaseAndEraseItOnceClosed() throws Exception {
        String reference = file(EMAIL);

        // acknowledged: the letter is known to notification, and to triage from its delivery report
        JsonNode answer = json.readTree(await().atMost(Duration.ofSeconds(90)).until(() -> access(EMAIL, "dpo"),
                r -> r.statusCode() == 200 && json.readTree(r.body()).at("/triage/0/letters").size() > 0
                        && json.readTree(r.body()).at("/notification/messages").size() > 0
                        && json.readTree(r.body()).at("/intake/complaints/0/followUp/links").size() > 0).body());
        assertThat(answer.get("email").asString()).isEqualTo(EMAIL);
        assertThat(answer.get("references").valueStream().map(JsonNode::asString).toList()).containsExactly(reference);
        JsonNode complaint = answer.at("/intake/complaints/0");
        assertThat(complaint.get("reference").asString()).isEqualTo(reference);
        assertThat(complaint.at("/complaint/complainant/name").asString()).isEqualTo("Odile Marchand-" + ID);
        assertThat(complaint.at("/files/0/filename").asString()).isEqualTo("piece-" + ID + ".txt");
        assertThat(complaint.at("/files/0/size").asLong()).isEqualTo(FILE.length);
        assertThat(answer.at("/triage/0/reference").asString()).isEqualTo(reference);
        assertThat(answer.at("/triage/0/sector/code").asString()).isEqualTo("APSF");
        assertThat(answer.at("/triage/0/letters/0/recipient").asString()).isEqualTo(EMAIL);
        JsonNode message = answer.at("/notification/messages/0");
        assertThat(message.get("recipient").asString()).isEqualTo(EMAIL);
        assertThat(message.get("text").asString()).contains(reference);
        // the follow-up link is listed, never its token
        assertThat(complaint.at("/followUp/links/0/recipient").asString()).isEqualTo(EMAIL);
        assertThat(complaint.at("/followUp/links/0/issuedAt").isMissingNode()).isFalse();

        Map<String, byte[]> zip = zip(reference);
        assertThat(json.readTree(zip.get("data-subject.json")).at("/intake/complaints/0/reference").asString())
                .isEqualTo(reference);
        String fileId = complaint.at("/files/0/id").asString();
        assertThat(zip.get("files/" + reference + "/" + fileId + "/piece-" + ID + ".txt")).isEqualTo(FILE);

        HttpResponse<String> open = erase("{\"email\": \"" + EMAIL + "\", \"reason\": \"Demande du 3 mars\"}",
                bearer("dpo"));
        assertThat(open.statusCode()).as(open.body()).isEqualTo(200);
        JsonNode kept = json.readTree(open.body());
        assertThat(kept.get("erased")).isEmpty();
        assertThat(kept.at("/kept/0/reference").asString()).isEqualTo(reference);
        assertThat(kept.at("/kept/0/reason").asString()).contains("art. 17(3)(b) and (e)");
        assertThat(ApiCalls.get(stack.intake.url("/api/v1/complaints/" + reference), bearer("agent-apsf")).statusCode())
                .isEqualTo(200);

        transition(reference, "{\"to\": \"UNDER_REVIEW\"}");
        transition(reference, """
                {"to": "CLOSED", "outcome": "NO_BREACH", "note": "Aucun manquement"}""");
        HttpResponse<String> closed = erase("{\"email\": \"" + EMAIL + "\", \"reason\": \"Demande du 3 mars\"}",
                bearer("dpo"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        JsonNode erased = json.readTree(closed.body());
        assertThat(erased.get("erased").valueStream().map(JsonNode::asString).toList()).containsExactly(reference);
        assertThat(erased.get("kept")).isEmpty();
        assertThat(erased.get("runId").asString()).isNotBlank();

        HttpResponse<String> gone = await().atMost(Duration.ofSeconds(60)).until(() -> ApiCalls.get(
                stack.intake.url("/api/v1/complaints/" + reference), bearer("agent-apsf")), r -> r.statusCode() == 410);
        assertThat(json.readTree(gone.body()).get("type").asString()).isEqualTo("/problems/erased");
        JsonNode record = json.readTree(ApiCalls.get(stack.triage.url("/api/v1/retention/eliminations/"
                + erased.get("runId").asString()), bearer("auditor")).body());
        assertThat(record.get("rule").asString()).isEqualTo("DATA_SUBJECT_REQUEST");
        assertThat(record.get("reason").asString()).isEqualTo("Demande du 3 mars");
        assertThat(record.get("erased").valueStream().map(JsonNode::asString).toList()).containsExactly(reference);
        JsonNode after = json.readTree(access(EMAIL, "dpo").body());
        assertThat(after.at("/intake/complaints")).isEmpty();
    }

    private static Map<String, byte[]> zip(String reference) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                stack.triage.url("/api/v1/data-subjects?email=" + EMAIL)).header("Authorization", bearer("dpo"))
                .header("Accept", "application/zip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("ZIP for %s", reference).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/zip");
        Map<String, byte[]> entries = new HashMap<>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(response.body()), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void shouldAnswerOnlyTheDpoAndSayWhatIsWrongWithARequest() throws Exception {
        for (String username : List.of("agent-apsf", "head-apsf", "auditor")) {
            assertThat(access(EMAIL, username).statusCode()).as(username).isEqualTo(403);
            assertThat(erase("{\"email\": \"" + EMAIL + "\", \"reason\": \"x\"}", bearer(username)).statusCode())
                    .as(username).isEqualTo(403);
        }
        assertThat(ApiCalls.get(stack.triage.url("/api/v1/data-subjects?email=" + EMAIL), null).statusCode())
                .isEqualTo(401);
        assertThat(erase("{\"email\": \"" + EMAIL + "\", \"reason\": \"x\"}", null).statusCode()).isEqualTo(401);

        assertProblem(ApiCalls.get(stack.triage.url("/api/v1/data-subjects"), bearer("dpo")), 400,
                "/problems/invalid-email");
        assertProblem(access("not-an-address", "dpo"), 400, "/problems/invalid-email");
        assertProblem(erase("{\"email\": \"" + EMAIL + "\"}", bearer("dpo")), 400, "/problems/invalid-erasure-request");
        assertProblem(erase("{\"reason\": \"Demande\"}", bearer("dpo")), 400, "/problems/invalid-email");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo(type);
    }
}
