package fr.saisine.intake.erasure;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.common.utils.Utils;
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

import fr.saisine.events.ComplaintStatus;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.ErasureOrdered;
import fr.saisine.events.ErasureRule;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.FollowUpLinkIssued;
import fr.saisine.events.MessageKind;
import fr.saisine.events.NotificationDelivered;
import fr.saisine.events.StaffActor;
import fr.saisine.intake.erasure.domain.ComplaintErasure;
import fr.saisine.intake.followup.domain.FollowUpRecords;
import fr.saisine.platform.followup.FollowUpTokens;
import fr.saisine.intake.datasubject.domain.Addresses;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.Multipart;
import fr.saisine.testsupport.SampleFiles;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Triage's erasure order carried out by intake alone, on real Kafka and FerretDB: the order is
 * published on the test's complaint-events as triage would, and intake's answer read there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplaintErasureIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final String NOTIFICATIONS = TestServers.uniqueName("notification-events");
    /** The tests' topics are created by the binder with its min-partition-count. */
    static final int PARTITIONS = 6;
    static final String APSF = "Affaires publiques, sociales et financières";
    static final StaffActor AGENT = new StaffActor("sub-agent", "agent-apsf", "Claire Martin");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    FollowUpRecords records;

    @Autowired
    ComplaintErasure erasure;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "intake");
        registry.add("saisine.intake.rate-limit", () -> "off");
        registry.add("saisine.intake.attachments.chunk-size", () -> "16KB");
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

    /** A complaint filed with a file, routed, acknowledged with a link, asked a question and answered with a file. */
    record Filed(String reference, String name, String email, String token, String fileId, String answerFileId) {
    }

    Filed fileAndFollow() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String name = "Ermengarde Vautrin-" + tag;
        String email = "ermengarde-" + tag + "@example.org";
        Multipart complaint = new Multipart().json("complaint", """
                {"complainant": {"type": "PERSON", "name": "%s", "email": "%s",
                   "postalAddress": {"street": "7 impasse des Glycines", "postalCode": "75011", "city": "Paris", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Caisse d'allocations familiales", "type": "PUBLIC_BODY", "activity": "sécurité sociale"},
                 "category": "ACCESS_RIGHT", "subject": "Demande d'accès %s",
                 "facts": "Les faits distinctifs %s."}""".formatted(name, email, tag, tag))
                .file("attachments", "relevé.pdf", "application/pdf", SampleFiles.pdf(40_000));
        HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/complaints")).header("Content-Type", complaint.contentType())
                .POST(complaint.publisher()), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reference = json.readTree(created.body()).get("reference").asString();
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "APSF", APSF)));
        // long: the first test waits for the consumer groups to be given their partitions, a minute on a busy broker
        String fileId = json.readTree(await().atMost(Duration.ofSeconds(120))
                .until(() -> staffGet("/api/v1/complaints/" + reference), r -> r.statusCode() == 200).body())
                .at("/attachments/0/id").asString();

        String token = FollowUpTokens.mint();
        String messageId = reference + ":ACKNOWLEDGEMENT:" + email;
        kafka.send(NOTIFICATIONS, reference, EventFixtures.json(new FollowUpLinkIssued(reference,
                FollowUpTokens.hash(token), email, name, messageId, Instant.now())));
        kafka.send(NOTIFICATIONS, reference, EventFixtures.json(new NotificationDelivered(reference, messageId,
                MessageKind.ACKNOWLEDGEMENT, email, "Accusé de réception de votre plainte n° " + reference, Instant.now())));
        changeStatus(reference, 2, ComplaintStatus.TRIAGED, ComplaintStatus.INFORMATION_REQUESTED,
                "Avez-vous gardé une copie ?");
        await().atMost(Duration.ofSeconds(30)).until(() -> followUp(token), r -> r.statusCode() == 200
                && json.readTree(r.body()).get("status").asString().equals("INFORMATION_REQUESTED")
                && json.readTree(r.body()).get("letters").size() == 1);
        Multipart answer = new Multipart().json("answer", "{\"text\": \"Oui, la voici, " + tag + ".\"}")
                .file("attachments", "copie.pdf", "application/pdf", SampleFiles.pdf(20_000));
        HttpResponse<String> answered = send(HttpRequest.newBuilder(uri("/api/v1/follow-up/" + token + "/answers"))
                .header("Content-Type", answer.contentType()).POST(answer.publisher()), null);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        HttpResponse<String> lostLink = send(HttpRequest.newBuilder(uri("/suivi/lien-perdu"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("reference=" + reference + "&email="
                        + URLEncoder.encode(email, StandardCharsets.UTF_8))), null);
        assertThat(lostLink.statusCode()).isEqualTo(302);
        String answerFileId = await().atMost(Duration.ofSeconds(20))
                .until(() -> published(reference, "ComplainantAnswered"), e -> !e.isEmpty())
                .getFirst().at("/payload/attachments/0/id").asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> published(reference, "FollowUpLinkRequested"), e -> !e.isEmpty());
        return new Filed(reference, name, email, token, fileId, answerFileId);
    }

    void changeStatus(String reference, long version, ComplaintStatus from, ComplaintStatus to, String question) {
        kafka.send(COMPLAINTS, reference, EventFixtures.json(new ComplaintStatusChanged(reference, version, from, to,
                null, null, question, null, AGENT, new ComplaintTriaged.Sector("APSF", APSF), Instant.now())));
    }

    EventEnvelope<ErasureOrdered> order(String reference) {
        return EventEnvelope.wrap(new ErasureOrdered(reference, ErasureRule.AFTER_CLOSING, "run-" + UUID.randomUUID(),
                Instant.now()), Instant.now());
    }

    List<JsonNode> answers(String reference) {
        return published(reference, "PersonalDataErased");
    }

    List<JsonNode> published(String reference, String type) {
        return kafka.readAll(COMPLAINTS).stream().filter(r -> reference.equals(r.key()))
                .filter(r -> type.equals(KafkaProbe.header(r, "saisine_eventType")))
                .map(ConsumerRecord::value).map(json::readTree).toList();
    }

    HttpResponse<String> staffGet(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), tokens.accessToken("agent-apsf"));
    }

    HttpResponse<String> followUp(String token) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/v1/follow-up/" + token)).GET(), null);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String bearer) throws Exception {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A reference of no complaint whose events share a partition with {@code reference}'s: read after them. */
    static String samePartitionAs(String reference) {
        int partition = partition(reference);
        for (int n = 0; ; n++) {
            String other = String.format("99%06d", (Math.abs(reference.hashCode()) + n) % 1_000_000);
            if (!other.equals(reference) && partition(other) == partition) {
                return other;
            }
        }
    }

    static int partition(String key) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
    }

    Document raw(String collection, String id) {
        return mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
    }

    static void assertErasedProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(410);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("type").asString()).isEqualTo("/problems/erased");
    }

    @Test
    void shouldEraseEverythingOfTheComplaintAndNothingOfAnotherThenAnswerOnceWithCounts() throws Exception {
        Filed erased = fileAndFollow();
        Filed kept = fileAndFollow();
        // the address index lists each complaint under its address (slot 0: the address is the test's own)
        assertThat(raw("data_subject_index", Addresses.hash(erased.email()) + ":0")).isNotNull();

        kafka.send(COMPLAINTS, erased.reference(), EventFixtures.json(order(erased.reference())));

        JsonNode answer = await().atMost(Duration.ofSeconds(30)).until(() -> answers(erased.reference()),
                a -> !a.isEmpty()).getFirst();
        assertThat(answer.at("/payload/service").asString()).isEqualTo("intake");
        assertThat(json.convertValue(answer.at("/payload/erased"), Map.class)).isEqualTo(Map.of(
                "complaints", 1, "attachments", 1, "answer_attachments", 1, "follow_up_requests", 2,
                "follow_up_links", 1, "follow_up_letters", 1, "follow_up_cases", 1));

        assertErasedProblem(staffGet("/api/v1/complaints/" + erased.reference()));
        assertErasedProblem(staffGet("/api/v1/complaints/" + erased.reference() + "/attachments/" + erased.fileId()));
        assertErasedProblem(followUp(erased.token()));
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/suivi/" + erased.token())).GET(), null);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("Ce dossier n&#39;existe plus").doesNotContain(erased.name(), erased.email(),
                erased.reference());

        // nothing personal left in the database: the tombstone holds the reference, the rule and the answer
        Document tombstone = raw("complaints", erased.reference());
        assertThat(tombstone).doesNotContainKey("state");
        assertThat(tombstone.toJson()).doesNotContain(erased.name(), erased.email(), "distinctifs", "Glycines");
        assertThat(raw("attachment_chunks", erased.fileId() + ":0")).isNull();
        assertThat(raw("attachment_chunks", erased.answerFileId() + ":0")).isNull();
        assertThat(raw("answer_attachments", erased.answerFileId())).isNull();
        assertThat(raw("follow_up_requests", erased.reference() + ":answer:2")).isNull();
        assertThat(raw("follow_up_requests", erased.reference() + ":link:0")).isNull();
        assertThat(raw("follow_up_cases", erased.reference())).isNull();
        assertThat(raw("follow_up_letters", erased.reference())).isNull();
        assertThat(raw("data_subject_index", Addresses.hash(erased.email()) + ":0")).isNull();
        assertThat(raw("data_subject_index", Addresses.hash(kept.email()) + ":0")).isNotNull();
        assertThat(raw("follow_up_links", FollowUpTokens.hash(erased.token())).toJson())
                .doesNotContain(erased.name(), erased.email());
        assertThat(raw("case_sectors", erased.reference())).isNotNull();

        // the other complaint, untouched
        HttpResponse<String> other = staffGet("/api/v1/complaints/" + kept.reference());
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).contains(kept.name());
        assertThat(staffGet("/api/v1/complaints/" + kept.reference() + "/attachments/" + kept.fileId()).statusCode())
                .isEqualTo(200);
        assertThat(staffGet("/api/v1/complaints/" + kept.reference() + "/attachments/" + kept.answerFileId())
                .statusCode()).isEqualTo(200);
        assertThat(followUp(kept.token()).statusCode()).isEqualTo(200);
        assertThat(raw("follow_up_requests", kept.reference() + ":link:0")).isNotNull();
        assertThat(answers(kept.reference())).isEmpty();
        assertThat(answers(erased.reference())).hasSize(1);
    }

    @Test
    void shouldEraseAPollOfOrdersAtOnceEachComplaintOnceAndAnswerEachOrder() throws Exception {
        List<Filed> filed = List.of(fileAndFollow(), fileAndFollow(), fileAndFollow());
        EventEnvelope<ErasureOrdered> first = order(filed.get(0).reference());
        EventEnvelope<ErasureOrdered> second = order(filed.get(1).reference());
        EventEnvelope<ErasureOrdered> third = order(filed.get(2).reference());
        EventEnvelope<ErasureOrdered> again = order(filed.get(1).reference());

        // one poll: three complaints, the first order delivered twice, a second order for the second complaint
        erasure.eraseAll(List.of(new ComplaintErasure.Order(first.payload(), first.eventId().toString()),
                new ComplaintErasure.Order(second.payload(), second.eventId().toString()),
                new ComplaintErasure.Order(first.payload(), first.eventId().toString()),
                new ComplaintErasure.Order(third.payload(), third.eventId().toString()),
                new ComplaintErasure.Order(again.payload(), again.eventId().toString())));

        for (Filed each : filed) {
            JsonNode answer = await().atMost(Duration.ofSeconds(30)).until(() -> answers(each.reference()),
                    a -> !a.isEmpty()).getFirst();
            assertThat(json.convertValue(answer.at("/payload/erased"), Map.class)).as(each.reference()).isEqualTo(Map.of(
                    "complaints", 1, "attachments", 1, "answer_attachments", 1, "follow_up_requests", 2,
                    "follow_up_links", 1, "follow_up_letters", 1, "follow_up_cases", 1));
            assertErasedProblem(staffGet("/api/v1/complaints/" + each.reference()));
            assertThat(raw("complaints", each.reference()).toJson()).doesNotContain(each.name(), each.email());
            assertThat(raw("attachment_chunks", each.fileId() + ":0")).isNull();
            assertThat(raw("attachment_chunks", each.answerFileId() + ":0")).isNull();
            assertThat(raw("data_subject_index", Addresses.hash(each.email()) + ":0")).isNull();
            assertThat(raw("follow_up_requests", each.reference() + ":link:0")).isNull();
        }
        List<JsonNode> twice = await().atMost(Duration.ofSeconds(30)).until(() -> answers(filed.get(1).reference()),
                a -> a.size() >= 2);
        assertThat(twice).hasSize(2);
        assertThat(twice.get(1).at("/payload/runId").asString()).isEqualTo(again.payload().runId());
        assertThat(twice.get(1).at("/payload/erased").size()).as("erased by the first order").isZero();
        assertThat(answers(filed.get(0).reference())).as("the same order twice, answered once").hasSize(1);
    }

    @Test
    void shouldAnswerARepeatedOrderWithNoCountsAndARedeliveredOneOnce() throws Exception {
        Filed filed = fileAndFollow();
        EventEnvelope<ErasureOrdered> first = order(filed.reference());
        kafka.send(COMPLAINTS, filed.reference(), EventFixtures.json(first));
        await().atMost(Duration.ofSeconds(30)).until(() -> answers(filed.reference()), a -> a.size() == 1);
        Document tombstone = raw("complaints", filed.reference());

        // the same order redelivered, then triage's repeat of an order it got no answer to
        kafka.send(COMPLAINTS, filed.reference(), EventFixtures.json(first));
        EventEnvelope<ErasureOrdered> repeated = order(filed.reference());
        kafka.send(COMPLAINTS, filed.reference(), EventFixtures.json(repeated));

        List<JsonNode> answers = await().atMost(Duration.ofSeconds(30)).until(() -> answers(filed.reference()),
                a -> a.size() >= 2);
        assertThat(answers).hasSize(2);
        assertThat(answers.get(1).at("/payload/runId").asString()).isEqualTo(repeated.payload().runId());
        assertThat(answers.get(1).at("/payload/erased").size()).isZero();
        Document after = raw("complaints", filed.reference());
        assertThat(after.get("erased", Document.class).getDate("at"))
                .isEqualTo(tombstone.get("erased", Document.class).getDate("at"));
        assertErasedProblem(staffGet("/api/v1/complaints/" + filed.reference()));
    }

    @Test
    void shouldStoreNothingOfALateLetterLinkOrRoutingOfAnErasedComplaint() throws Exception {
        Filed filed = fileAndFollow();
        kafka.send(COMPLAINTS, filed.reference(), EventFixtures.json(order(filed.reference())));
        await().atMost(Duration.ofSeconds(30)).until(() -> answers(filed.reference()), a -> !a.isEmpty());

        String token = FollowUpTokens.mint();
        String messageId = filed.reference() + ":CLOSED:v3:" + filed.email();
        kafka.send(NOTIFICATIONS, filed.reference(), EventFixtures.json(new FollowUpLinkIssued(filed.reference(),
                FollowUpTokens.hash(token), filed.email(), filed.name(), messageId, Instant.now())));
        kafka.send(NOTIFICATIONS, filed.reference(), EventFixtures.json(new NotificationDelivered(filed.reference(),
                messageId, MessageKind.CLOSED, filed.email(), "Clôture de votre plainte", Instant.now())));
        kafka.send(COMPLAINTS, filed.reference(), EventFixtures.json(EventFixtures.triaged(filed.reference(), "APSF", APSF)));
        // events of another complaint on the same partitions, read after those: once they are in, those were handled
        String marker = samePartitionAs(filed.reference());
        kafka.send(NOTIFICATIONS, marker, EventFixtures.json(new NotificationDelivered(marker, marker + ":ACK",
                MessageKind.ACKNOWLEDGEMENT, "x@example.org", "Accusé", Instant.now())));
        kafka.send(COMPLAINTS, marker, EventFixtures.json(EventFixtures.triaged(marker, "APSF", APSF)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !records.letters(marker).isEmpty()
                && records.caseOf(marker).isPresent());

        // a routing is dropped before it is written; a letter or a link is erased again just after it
        // is written, in the same poll as the marker's letter, whose write may be seen a moment before
        assertThat(records.caseOf(filed.reference())).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> records.letters(filed.reference()).isEmpty()
                && records.link(FollowUpTokens.hash(token)).isEmpty());
        assertErasedProblem(followUp(token));
    }
}
