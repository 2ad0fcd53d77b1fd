package fr.saisine.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code Idempotency-Key}: however often a request is sent, and however at once, one complaint. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyKeyIntegrationTests {

    static final String TOPIC = TestServers.uniqueName("complaint-events");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "intake-idempotency");
        // files more complaints than the default rate limit lets one address (the limit has its own test)
        registry.add("saisine.intake.rate-limit", () -> "off");
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.learnCaseSectors-in-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination",
                () -> TestServers.uniqueName("audit-events"));
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    /** A complaint no other test files: its subject tells its complaints and events apart. */
    static String complaint(String subject) {
        return """
                {
                  "complainant": {"type": "PERSON", "name": "Jeanne Dupont", "email": "jeanne@example.org",
                    "postalAddress": {"street": "3 rue des Lilas", "postalCode": "75011", "city": "Paris",
                      "country": "FR"},
                    "residence": "METROPOLITAN_FRANCE"},
                  "respondent": {"name": "Banque Exemple", "type": "COMPANY", "activity": "banque"},
                  "category": "ACCESS_RIGHT",
                  "subject": "%s",
                  "facts": "J'ai écrit deux fois sans réponse."
                }""".formatted(subject);
    }

    static String subject() {
        return "Demande d'accès " + UUID.randomUUID();
    }

    HttpResponse<String> post(String body, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/complaints"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status of a request whose key is sent as raw bytes: the JDK's client turns 'é' into '?'. */
    int postWithRawKey(String body, byte[] key) throws Exception {
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/complaints HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + json.length + "\r\nIdempotency-Key: ")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(key);
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            var answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String statusLine = answer.readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    static String reference(HttpResponse<String> created) {
        return json.readTree(created.body()).get("reference").asString();
    }

    static String problemType(HttpResponse<String> refused) {
        return json.readTree(refused.body()).get("type").asString();
    }

    long storedComplaints(String subject) {
        return mongo.getCollection("complaints").countDocuments(Filters.eq("state.subject", subject));
    }

    /** The complaints announced on complaint-events, once the relay has published the stored one. */
    List<String> announcedReferences(String subject) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> kafka.readAll(TOPIC).stream()
                .map(r -> json.readTree(r.value()))
                .filter(event -> subject.equals(event.at("/payload/subject").asString()))
                .map(event -> event.get("reference").asString()).toList(), references -> !references.isEmpty());
    }

    /** The canonical fingerprint the service stored for a request: what a crashed holder would have left. */
    String fingerprintOf(String body) throws Exception {
        String key = UUID.randomUUID().toString();
        assertThat(post(body, key).statusCode()).isEqualTo(201);
        return storedClaim(key).getString("requestHash");
    }

    /** A key's document as an instance would have left it, claimed at {@code at}. */
    void storeClaim(String key, String status, String fingerprint, Instant at, int attempt) {
        mongo.getCollection("idempotency_keys").insertOne(new Document("_id", "api:" + key).append("status", status)
                .append("requestHash", fingerprint).append("createdAt", Date.from(at))
                .append("expiresAt", Date.from(at.plus(Duration.ofHours(24)))).append("attempt", attempt));
    }

    Document storedClaim(String key) {
        return mongo.getCollection("idempotency_keys").find(Filters.eq("_id", "api:" + key)).first();
    }

    List<HttpResponse<String>> atOnce(int requests, Callable<HttpResponse<String>> request) throws Exception {
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                sent.add(pool.submit(request));
            }
        }
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : sent) {
            answers.add(answer.get());
        }
        return answers;
    }

    @Test
    void shouldAnswerARepeatedRequestAsTheFirstAndFileOnce() throws Exception {
        String subject = subject();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post(complaint(subject), key);
        HttpResponse<String> again = post(complaint(subject), key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json.readTree(again.body())).isEqualTo(json.readTree(first.body()));
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(storedComplaints(subject)).isEqualTo(1);
        assertThat(announcedReferences(subject)).containsExactly(reference(first));
    }

    @Test
    void shouldTakeTheSameComplaintWrittenOtherwiseForTheSameRequest() throws Exception {
        String subject = subject();
        String key = UUID.randomUUID().toString();
        JsonNode tree = json.readTree(complaint(subject));
        Map<String, JsonNode> reordered = new LinkedHashMap<>();
        List.of("facts", "subject", "category", "respondent", "complainant")
                .forEach(field -> reordered.put(field, tree.get(field)));

        HttpResponse<String> first = post(complaint(subject), key);
        HttpResponse<String> rewritten = post(json.writeValueAsString(reordered), key);

        assertThat(rewritten.statusCode()).isEqualTo(201);
        assertThat(reference(rewritten)).isEqualTo(reference(first));
        assertThat(storedComplaints(subject)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAKeyUsedForAnotherComplaintWith422() throws Exception {
        String subject = subject();
        String key = UUID.randomUUID().toString();
        assertThat(post(complaint(subject), key).statusCode()).isEqualTo(201);

        HttpResponse<String> refused = post(complaint(subject).replace("deux fois", "trois fois"), key);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(problemType(refused)).isEqualTo("/problems/idempotency-key-reused");
        assertThat(json.readTree(refused.body()).get("instance").asString()).isEqualTo("/api/v1/complaints");
        assertThat(storedComplaints(subject)).isEqualTo(1);
    }

    @Test
    void shouldRefuseAMalformedKeyWith400AndFileNothing() throws Exception {
        String subject = subject();
        for (String key : List.of("", "x".repeat(256), "a\tb")) {
            HttpResponse<String> refused = post(complaint(subject), key);

            assertThat(refused.statusCode()).as("key '%s'", key).isEqualTo(400);
            assertThat(problemType(refused)).isEqualTo("/problems/invalid-idempotency-key");
        }
        assertThat(postWithRawKey(complaint(subject), "clé".getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
        assertThat(post(complaint(subject), "k".repeat(255)).statusCode()).isEqualTo(201);
        assertThat(storedComplaints(subject)).isEqualTo(1);
    }

    @Test
    void shouldFileOnceWhenTenRequestsWithOneKeyArriveAtOnce() throws Exception {
        String subject = subject();
        String key = UUID.randomUUID().toString();

        List<HttpResponse<String>> answers = atOnce(10, () -> post(complaint(subject), key));

        List<String> filed = answers.stream().filter(a -> a.statusCode() == 201).map(a -> reference(a)).toList();
        assertThat(answers).extracting(HttpResponse::statusCode).allMatch(s -> s == 201 || s == 409);
        assertThat(filed).isNotEmpty().containsOnly(filed.getFirst());
        assertThat(answers).filteredOn(a -> a.statusCode() == 409).allSatisfy(a -> {
            assertThat(problemType(a)).isEqualTo("/problems/request-in-flight");
            assertThat(a.headers().firstValue("Retry-After")).isPresent();
        });
        assertThat(storedComplaints(subject)).isEqualTo(1);
        assertThat(announcedReferences(subject)).hasSize(1);
    }

    @Test
    void shouldTakeOverAClaimLeftInFlightByADeadRequestAndFileOnce() throws Exception {
        String subject = subject();
        String body = complaint(subject);
        String fingerprint = fingerprintOf(body);
        String key = UUID.randomUUID().toString();
        Instant twoMinutesAgo = Instant.now().minus(Duration.ofMinutes(2));
        // as an instance that died after claiming the key, before filing
        storeClaim(key, "IN_FLIGHT", fingerprint, twoMinutesAgo, 0);

        List<HttpResponse<String>> answers = atOnce(5, () -> post(body, key));

        List<String> filed = answers.stream().filter(a -> a.statusCode() == 201).map(a -> reference(a)).toList();
        assertThat(answers).extracting(HttpResponse::statusCode).allMatch(s -> s == 201 || s == 409);
        assertThat(filed).isNotEmpty().containsOnly(filed.getFirst());
        assertThat(reference(post(body, key))).isEqualTo(filed.getFirst());
        // one for the fingerprint, one for the key taken over
        assertThat(storedComplaints(subject)).isEqualTo(2);
    }

    @Test
    void shouldSkipATakeoverWhoseWinnerDiedBeforeWritingItsClaim() throws Exception {
        String subject = subject();
        String body = complaint(subject);
        String fingerprint = fingerprintOf(body);
        String key = UUID.randomUUID().toString();
        Instant twoMinutesAgo = Instant.now().minus(Duration.ofMinutes(2));
        storeClaim(key, "IN_FLIGHT", fingerprint, twoMinutesAgo.minusSeconds(60), 0);
        // its first taker died too, after winning the takeover, before writing its own claim
        mongo.getCollection("idempotency_takeovers").insertOne(new Document("_id", "api:" + key + ":takeover:1")
                .append("createdAt", Date.from(twoMinutesAgo))
                .append("expiresAt", Date.from(Instant.now().plus(Duration.ofHours(22)))));

        HttpResponse<String> created = post(body, key);

        assertThat(created.statusCode()).isEqualTo(201);
        Document claim = storedClaim(key);
        assertThat(claim.getString("status")).isEqualTo("COMPLETED");
        assertThat(claim.getInteger("attempt")).isEqualTo(2);
        assertThat(claim.getString("reference")).isEqualTo(reference(created));
    }

    @Test
    void shouldForgetAKeyOnceItHasExpired() throws Exception {
        String subject = subject();
        String key = UUID.randomUUID().toString();
        Instant yesterday = Instant.now().minus(Duration.ofHours(25));
        storeClaim(key, "IN_FLIGHT", "another request", yesterday, 0);
        mongo.getCollection("idempotency_keys").updateOne(Filters.eq("_id", "api:" + key),
                new Document("$set", new Document("status", "COMPLETED").append("reference", "25999999")
                        .append("submittedAt", Date.from(yesterday))));

        HttpResponse<String> created = post(complaint(subject), key);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(reference(created)).isNotEqualTo("25999999");
        assertThat(created.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(storedComplaints(subject)).isEqualTo(1);
    }
}
