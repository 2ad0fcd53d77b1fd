package fr.saisine.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.Category;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.RespondentType;
import fr.saisine.platform.events.EventJson;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxEntry;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.TestServers;

/** What a crash leaves in the outbox is published on the next start, or dropped if the write never happened. */
@SpringBootTest
class OutboxRecoveryIntegrationTests {

    static final String TOPIC = TestServers.uniqueName("complaint-events");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventJson json;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "intake-recovery");
        // files more complaints than the default rate limit lets one address (the limit has its own test)
        registry.add("saisine.intake.rate-limit", () -> "off");
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> TOPIC);
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    /** A submission's event as the complaint's write stores it in its outbox. */
    OutboxEntry submission(String reference) {
        var submitted = EventFixtures.submitted(reference, Instant.now(), "Banque Exemple", RespondentType.COMPANY,
                "banque", Category.ACCESS_RIGHT, "Accès refusé");
        return OutboxEntry.of(EventEnvelope.wrap(submitted, Instant.now()), json);
    }

    boolean markerGone(String markerId) {
        return mongo.getCollection(Outbox.PENDING).countDocuments(new Document("_id", markerId)) == 0;
    }

    @Test
    void shouldPublishAnEventStoredBeforeACrashThatLeftItsMarker() {
        String reference = EventFixtures.testReference();
        OutboxEntry entry = submission(reference);
        // as a process that died after its write, before its relay published: marker and document, no record
        mongo.getCollection(Outbox.PENDING).insertOne(new Document("_id", entry.eventId())
                .append("collection", "complaints").append("documentId", reference).append("at", new Date()));
        mongo.getCollection("complaints").insertOne(new Document("_id", reference)
                .append("outbox", List.of(entry.asDocument())));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kafka.readAll(TOPIC))
                .filteredOn(r -> reference.equals(r.key())).singleElement()
                .satisfies(r -> assertThat(r.value()).contains(entry.eventId())));
        await().atMost(Duration.ofSeconds(10)).until(() -> markerGone(entry.eventId()));
    }

    @Test
    void shouldPublishEveryEventOfAWriteFromItsOneMarkerInOrderThenDeleteIt() {
        String reference = EventFixtures.testReference();
        OutboxEntry first = submission(reference);
        OutboxEntry second = submission(reference);
        // one write announcing two events: one marker names both
        mongo.getCollection(Outbox.PENDING).insertOne(new Document("_id", first.eventId())
                .append("eventIds", List.of(first.eventId(), second.eventId()))
                .append("collection", "complaints").append("documentId", reference).append("at", new Date()));
        mongo.getCollection("complaints").insertOne(new Document("_id", reference)
                .append("outbox", List.of(first.asDocument(), second.asDocument())));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(kafka.readAll(TOPIC))
                .filteredOn(r -> reference.equals(r.key())).extracting(r -> r.value())
                .satisfiesExactly(v -> assertThat(v).contains(first.eventId()),
                        v -> assertThat(v).contains(second.eventId())));
        await().atMost(Duration.ofSeconds(10)).until(() -> markerGone(first.eventId()));
    }

    @Test
    void shouldDropTheMarkerOfAWriteThatNeverHappenedOnceItsGraceIsOver() {
        String eventId = "never-written-" + EventFixtures.testReference();
        mongo.getCollection(Outbox.PENDING).insertOne(new Document("_id", eventId).append("collection", "complaints")
                .append("documentId", EventFixtures.testReference())
                .append("at", Date.from(Instant.now().minus(Duration.ofMinutes(5)))));

        await().atMost(Duration.ofSeconds(20)).until(() -> markerGone(eventId));
    }
}
