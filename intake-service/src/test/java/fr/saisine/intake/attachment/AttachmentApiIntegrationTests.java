package fr.saisine.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.Multipart;
import fr.saisine.testsupport.SampleFiles;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Attachments through the API, on the real servers: kept, described, served intact to the right staff only, or refused whole. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AttachmentApiIntegrationTests {

    static final String TOPIC = TestServers.uniqueName("complaint-events");
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "intake");
        // files more complaints than the default rate limit lets one address (the limit has its own test)
        registry.add("saisine.intake.rate-limit", () -> "off");
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.learnCaseSectors-in-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination",
                () -> TestServers.uniqueName("audit-events"));
        // small limits, so that refusals need no large bodies; small chunks, so that a file spans several
        registry.add("saisine.intake.attachments.max-files", () -> "3");
        registry.add("saisine.intake.attachments.max-file-size", () -> "64KB");
        registry.add("saisine.intake.attachments.max-total-size", () -> "100KB");
        registry.add("saisine.intake.attachments.chunk-size", () -> "16KB");
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    static final String COMPLAINT = """
            {"complainant": {"type": "PERSON", "name": "Jeanne Dupont", "email": "jeanne@example.org",
              "postalAddress": {"street": "3 rue des Lilas", "postalCode": "75011", "city": "Paris", "country": "FR"},
              "residence": "METROPOLITAN_FRANCE"},
             "respondent": {"name": "Banque Exemple", "type": "COMPANY", "activity": "banque"},
             "category": "ACCESS_RIGHT", "subject": "Pas de réponse", "facts": "J'ai écrit deux fois, sans réponse."}""";

    HttpResponse<String> post(Multipart body, String idempotencyKey) throws Exception {
        var request = HttpRequest.newBuilder(uri("/api/v1/complaints")).header("Content-Type", body.contentType());
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> get(String path, String user) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + tokens.accessToken(user))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    void routeToApsf(String reference) {
        kafka.send(TOPIC, reference, EventFixtures.json(EventFixtures.triaged(reference, "APSF",
                "Affaires publiques, sociales et financières")));
    }

    JsonNode filedAndRouted(HttpResponse<String> created) throws Exception {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reference = json.readTree(created.body()).get("reference").asString();
        routeToApsf(reference);
        return json.readTree(await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/v1/complaints/" + reference, "agent-apsf"), r -> r.statusCode() == 200).body());
    }

    long storedChunks() {
        return mongo.getCollection("attachment_chunks").countDocuments();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void shouldKeepEachAcceptedKindAndServeItIntactToTheAgentOfTheSector() throws Exception {
        byte[] large = SampleFiles.pdf(50_000);
        JsonNode complaint = filedAndRouted(post(new Multipart().json("complaint", COMPLAINT)
                .file("attachments", "relevé de compte.pdf", "application/pdf", large)
                .file("attachments", "lettre.docx", "application/octet-stream", SampleFiles.docx())
                .file("attachments", "réponse.eml", "message/rfc822", SampleFiles.eml()), null));

        JsonNode listed = complaint.get("attachments");
        assertThat(listed.valueStream().map(a -> a.get("contentType").asString())).containsExactly("application/pdf",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "message/rfc822");
        JsonNode pdf = listed.get(0);
        assertThat(pdf.get("filename").asString()).isEqualTo("relevé de compte.pdf");
        assertThat(pdf.get("size").asLong()).isEqualTo(large.length);
        assertThat(pdf.get("sha256").asString()).isEqualTo(sha256(large));

        HttpResponse<byte[]> download = get("/api/v1/complaints/" + complaint.get("reference").asString()
                + "/attachments/" + pdf.get("id").asString(), "agent-apsf");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(large);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;").contains("filename*=UTF-8''relev%C3%A9%20de%20compte.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    }

    @Test
    void shouldRefuseTheDownloadToAnAgentOfAnotherSector() throws Exception {
        JsonNode complaint = filedAndRouted(post(new Multipart().json("complaint", COMPLAINT)
                .file("attachments", "note.txt", "text/plain", SampleFiles.text()), null));
        String path = "/api/v1/complaints/" + complaint.get("reference").asString() + "/attachments/"
                + complaint.at("/attachments/0/id").asString();

        HttpResponse<byte[]> refused = get(path, "agent-num");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body())).contains("/problems/forbidden").doesNotContain("Bonjour");
        assertThat(get(path.replaceAll("/attachments/.*", "/attachments/" + UUID.randomUUID()), "agent-apsf")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void shouldRefuseAFileWhoseContentIsNotWhatItsNameSaysAndKeepNothing() throws Exception {
        long before = storedChunks();

        HttpResponse<String> refused = post(new Multipart().json("complaint", COMPLAINT)
                .file("attachments", "courrier.pdf", "application/pdf", SampleFiles.pdf())
                .file("attachments", "photo.pdf", "application/pdf", SampleFiles.png()), null);

        assertThat(refused.statusCode()).isEqualTo(415);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/unsupported-attachment");
        assertThat(problem.get("file").asString()).isEqualTo("photo.pdf");
        assertThat(problem.get("detail").asString()).contains("image/png");
        assertThat(storedChunks()).isEqualTo(before);
    }

    @Test
    void shouldRefuseATypeThatIsNotAcceptedWhateverItIsCalled() throws Exception {
        HttpResponse<String> refused = post(new Multipart().json("complaint", COMPLAINT)
                .file("attachments", "page.txt", "text/plain", SampleFiles.html()), null);

        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(json.readTree(refused.body()).get("detail").asString()).contains("page.txt", "text/html");
    }

    @Test
    void shouldRefuseAFileOverTheSizeLimitNamingTheLimit() throws Exception {
        HttpResponse<String> refused = post(new Multipart().json("complaint", COMPLAINT)
                .file("attachments", "gros.pdf", "application/pdf", SampleFiles.pdf(70_000)), null);

        assertThat(refused.statusCode()).isEqualTo(413);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/attachment-too-large");
        assertThat(problem.get("limit").asString()).isEqualTo("max-file-size");
        assertThat(problem.get("detail").asString()).contains("gros.pdf", "64KB");
    }

    @Test
    void shouldRefuseTooManyFilesOrTooMuchInAll() throws Exception {
        Multipart tooMany = new Multipart().json("complaint", COMPLAINT);
        for (int i = 0; i < 4; i++) {
            tooMany.file("attachments", i + ".txt", "text/plain", SampleFiles.text());
        }
        Multipart tooMuch = new Multipart().json("complaint", COMPLAINT)
                .file("attachments", "a.pdf", "application/pdf", SampleFiles.pdf(60_000))
                .file("attachments", "b.pdf", "application/pdf", SampleFiles.pdf(60_001));

        HttpResponse<String> many = post(tooMany, null);
        HttpResponse<String> much = post(tooMuch, null);

        assertThat(many.statusCode()).isEqualTo(413);
        assertThat(json.readTree(many.body()).get("limit").asString()).isEqualTo("max-files");
        assertThat(much.statusCode()).isEqualTo(413);
        assertThat(json.readTree(much.body()).get("limit").asString()).isEqualTo("max-total-size");
        assertThat(json.readTree(much.body()).get("detail").asString()).contains("100KB");
    }

    @Test
    void shouldAnswerARetriedSubmissionWithItsFirstReferenceAndKeepOneCopyOfItsFiles() throws Exception {
        String key = UUID.randomUUID().toString();
        byte[] file = SampleFiles.pdf(20_000);
        HttpResponse<String> first = post(new Multipart().json("complaint", COMPLAINT)
                .file("attachments", "a.pdf", "application/pdf", file), key);
        long afterFirst = storedChunks();

        HttpResponse<String> again = post(new Multipart().json("complaint", COMPLAINT)
                .file("attachments", "a.pdf", "application/pdf", file), key);
        HttpResponse<String> otherFile = post(new Multipart().json("complaint", COMPLAINT)
                .file("attachments", "a.pdf", "application/pdf", SampleFiles.pdf(20_001)), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(json.readTree(again.body()).get("reference")).isEqualTo(json.readTree(first.body()).get("reference"));
        assertThat(otherFile.statusCode()).isEqualTo(422);
        assertThat(storedChunks()).isEqualTo(afterFirst);
    }

    @Test
    void shouldAnswerAMalformedMultipartBodyWithAProblem() throws Exception {
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri("/api/v1/complaints"))
                .header("Content-Type", "multipart/form-data; boundary=nothing-like-it")
                .POST(HttpRequest.BodyPublishers.ofString("this is not multipart")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void shouldStillFileAPlainJsonComplaint() throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/v1/complaints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(COMPLAINT)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(filedAndRouted(created).get("attachments").size()).isZero();
    }

    @Test
    void shouldDescribeTheMultipartSubmissionBesideTheJsonOneAndTheDownload() throws Exception {
        JsonNode api = json.readTree(http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode submit = api.at("/paths/~1api~1v1~1complaints/post");
        JsonNode download = api.at("/paths/~1api~1v1~1complaints~1{reference}~1attachments~1{id}/get");

        assertThat(submit.at("/requestBody/content").propertyNames()).contains("application/json", "multipart/form-data");
        assertThat(submit.at("/requestBody/content/multipart~1form-data/encoding/complaint/contentType").asString())
                .isEqualTo("application/json");
        assertThat(submit.get("responses").propertyNames()).contains("201", "413", "415");
        assertThat(download.get("responses").propertyNames()).contains("200", "403", "404");
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
