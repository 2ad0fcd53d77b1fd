package fr.saisine.intake.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.model.Filters;

import fr.saisine.testsupport.Multipart;
import fr.saisine.testsupport.SampleFiles;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The purge of intake's short-lived records on real FerretDB: records past their period go, those
 * within it stay, and an upload left pending is purged only when no complaint names it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShortLivedRecordsPurgeIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ShortLivedRecordsPurge purge;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "intake-purge");
        registry.add("saisine.intake.rate-limit", () -> "20 per PT1H");
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination",
                () -> TestServers.uniqueName("complaint-events"));
        registry.add("spring.cloud.stream.bindings.learnCaseSectors-in-0.destination",
                () -> TestServers.uniqueName("complaint-events"));
        registry.add("spring.cloud.stream.bindings.followCases-in-0.destination",
                () -> TestServers.uniqueName("complaint-events"));
        registry.add("spring.cloud.stream.bindings.followLetters-in-0.destination",
                () -> TestServers.uniqueName("notification-events"));
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination",
                () -> TestServers.uniqueName("audit-events"));
    }

    void insert(String collection, Document document) {
        mongo.getCollection(collection).insertOne(document);
    }

    boolean exists(String collection, String id) {
        return mongo.getCollection(collection).find(Filters.eq("_id", id)).first() != null;
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID();
    }

    @Test
    void shouldDeleteSlotsKeysTokensAndUploadsPastTheirPeriodAndKeepTheRest() {
        Instant now = Instant.now();
        // rate slots: PT2H from their window's start, the window being PT1H
        String oldSlot = unique("complaint:203.0.113.7:");
        String liveSlot = unique("complaint:203.0.113.8:");
        insert("rate_slots", new Document("_id", oldSlot).append("expiresAt", Date.from(now.minus(Duration.ofMinutes(61)))));
        insert("rate_slots", new Document("_id", liveSlot).append("expiresAt", Date.from(now.minus(Duration.ofMinutes(59)))));
        // keys and tokens: P1D from first use, the same as their time to live
        String oldKey = unique("api:");
        String liveKey = unique("api:");
        String oldToken = unique("form:");
        String liveToken = unique("form:");
        for (String id : new String[] { oldKey, oldToken }) {
            insert("idempotency_keys", new Document("_id", id).append("createdAt", Date.from(now.minus(Duration.ofHours(25)))));
            insert("idempotency_takeovers", new Document("_id", id + ":takeover:1")
                    .append("createdAt", Date.from(now.minus(Duration.ofHours(25)))));
        }
        for (String id : new String[] { liveKey, liveToken }) {
            insert("idempotency_keys", new Document("_id", id).append("createdAt", Date.from(now.minus(Duration.ofHours(23)))));
        }
        // an upload abandoned two days ago, and one a day old that is still being sent
        String abandoned = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        for (String id : new String[] { abandoned, recent }) {
            insert("attachment_chunks", new Document("_id", id + ":0").append("data", new Binary(new byte[] { 1 })));
            insert("attachment_chunks", new Document("_id", id + ":1").append("data", new Binary(new byte[] { 2 })));
        }
        insert("pending_uploads", new Document("_id", abandoned).append("at", Date.from(now.minus(Duration.ofDays(2)))));
        insert("pending_uploads", new Document("_id", recent).append("at", Date.from(now.minus(Duration.ofHours(12)))));

        var purged = purge.purgeOnce(now);

        assertThat(purged).containsKeys("rate_slots", "submission_keys", "form_tokens", "abandoned_uploads");
        assertThat(exists("rate_slots", oldSlot)).isFalse();
        assertThat(exists("rate_slots", liveSlot)).isTrue();
        assertThat(exists("idempotency_keys", oldKey)).isFalse();
        assertThat(exists("idempotency_takeovers", oldKey + ":takeover:1")).isFalse();
        assertThat(exists("idempotency_keys", oldToken)).isFalse();
        assertThat(exists("idempotency_takeovers", oldToken + ":takeover:1")).isFalse();
        assertThat(exists("idempotency_keys", liveKey)).isTrue();
        assertThat(exists("idempotency_keys", liveToken)).isTrue();
        assertThat(exists("attachment_chunks", abandoned + ":0")).isFalse();
        assertThat(exists("attachment_chunks", abandoned + ":1")).isFalse();
        assertThat(exists("pending_uploads", abandoned)).isFalse();
        assertThat(exists("attachment_chunks", recent + ":0")).isTrue();
        assertThat(exists("pending_uploads", recent)).isTrue();
    }

    @Test
    void shouldKeepTheFilesOfAFiledComplaintThatACrashLeftMarkedPending() throws Exception {
        Multipart complaint = new Multipart().json("complaint", """
                {"complainant": {"type": "PERSON", "name": "Jeanne Dupont", "email": "jeanne@example.org",
                   "postalAddress": {"street": "3 rue des Lilas", "postalCode": "75011", "city": "Paris", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Banque Exemple", "type": "COMPANY", "activity": "banque"},
                 "category": "ACCESS_RIGHT", "subject": "Pas de réponse", "facts": "J'ai écrit deux fois."}""")
                .file("attachments", "relevé.pdf", "application/pdf", SampleFiles.pdf(5_000));
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/complaints"))
                .header("Content-Type", complaint.contentType()).POST(complaint.publisher()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reference = json.readTree(created.body()).get("reference").asString();
        Document stored = mongo.getCollection("complaints").find(Filters.eq("_id", reference)).first();
        String fileId = stored.get("state", Document.class).getList("attachments", Document.class).getFirst().getString("_id");
        assertThat(fileId).isNotNull();
        assertThat(exists("pending_uploads", fileId)).as("settled once the complaint is filed").isFalse();
        // as a crash between the complaint's insert and the settling would leave it
        insert("pending_uploads", new Document("_id", fileId).append("at", Date.from(Instant.now().minus(Duration.ofDays(2)))));

        purge.purgeOnce(Instant.now());

        assertThat(exists("attachment_chunks", fileId + ":0")).isTrue();
        assertThat(exists("pending_uploads", fileId)).isFalse();
    }
}
