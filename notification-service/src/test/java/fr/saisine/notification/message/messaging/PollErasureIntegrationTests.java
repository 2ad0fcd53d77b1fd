package fr.saisine.notification.message.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import fr.saisine.events.Category;
import fr.saisine.events.ErasureOrdered;
import fr.saisine.events.ErasureRule;
import fr.saisine.events.Event;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.RespondentType;
import fr.saisine.notification.message.domain.Messages;
import fr.saisine.platform.events.ConsumedEvent;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The erasure orders of one poll carried out together, on real FerretDB, Kafka and mail server:
 * polls are handed to the consumer's handler as the binder would (the events of one poll, in
 * order), the database commands counted in the driver, the answers read on the test's
 * complaint-events.
 */
@SpringBootTest
class PollErasureIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final MailSink mail = MailSink.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    static final CountingCommands commands = new CountingCommands();

    @Autowired
    ComplaintEventsHandler handler;

    @Autowired
    Messages messages;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification-poll-erasure");
        registry.add("spring.cloud.stream.bindings.notifyComplainant-in-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.notificationEvents-out-0.destination",
                () -> TestServers.uniqueName("notification-events"));
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination",
                () -> TestServers.uniqueName("audit-events"));
    }

    @TestConfiguration
    static class Counted {

        @Bean
        MongoClientSettingsBuilderCustomizer countingCommands() {
            return settings -> settings.addCommandListener(commands);
        }
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    /**
     * Counts the commands sent from one thread while it counts: the service's own workers (the
     * senders, the relay, the compaction) send theirs from threads of their own. The synchronous
     * driver tells its listeners on the thread that sends.
     */
    static final class CountingCommands implements CommandListener {

        private final ThreadLocal<AtomicInteger> counting = new ThreadLocal<>();

        int count(Runnable work) {
            AtomicInteger count = new AtomicInteger();
            counting.set(count);
            try {
                work.run();
            }
            finally {
                counting.remove();
            }
            return count.get();
        }

        @Override
        public void commandStarted(CommandStartedEvent event) {
            AtomicInteger count = counting.get();
            if (count != null) {
                count.incrementAndGet();
            }
        }
    }

    @SuppressWarnings("unchecked")
    static ConsumedEvent consumed(int index, EventEnvelope<? extends Event> envelope) {
        return new ConsumedEvent(index, (EventEnvelope<Event>) envelope, null);
    }

    static List<ConsumedEvent> poll(List<EventEnvelope<? extends Event>> envelopes) {
        List<ConsumedEvent> poll = new ArrayList<>();
        envelopes.forEach(envelope -> poll.add(consumed(poll.size(), envelope)));
        return poll;
    }

    static EventEnvelope<? extends Event> envelope(Event event) {
        return EventEnvelope.wrap(event, Instant.now());
    }

    static EventEnvelope<ErasureOrdered> order(String reference) {
        return EventEnvelope.wrap(new ErasureOrdered(reference, ErasureRule.AFTER_CLOSING, "run-" + UUID.randomUUID(),
                Instant.now()), Instant.now());
    }

    static String email(String reference) {
        return "jeanne-" + reference + "@example.org";
    }

    static List<EventEnvelope<? extends Event>> filing(String reference) {
        return List.of(envelope(EventFixtures.submitted(reference, Instant.now(), "Commune de Lyon",
                RespondentType.PUBLIC_BODY, "commune", Category.VIDEO_SURVEILLANCE,
                "Caméras")), envelope(EventFixtures.triaged(reference, "APSF", "Affaires publiques")));
    }

    /** Files these complaints in one poll, and waits until each one's acknowledgement was sent. */
    void fileAndSend(List<String> references) {
        List<EventEnvelope<? extends Event>> events = new ArrayList<>();
        references.forEach(reference -> events.addAll(filing(reference)));
        handler.together(poll(events));
        await().atMost(Duration.ofSeconds(120)).until(() -> references.stream().allMatch(this::sent));
    }

    /**
     * Whether the acknowledgement's outcome is stored, read as is: a read through the store would
     * move the head on to it, where the erasure must find a head left behind, as sending leaves it.
     */
    boolean sent(String reference) {
        return raw("messages_versions", letterOf(reference) + ":2") != null;
    }

    static String letterOf(String reference) {
        return reference + ":ACKNOWLEDGEMENT:" + email(reference);
    }

    List<JsonNode> answers(String reference) {
        return kafka.readAll(COMPLAINTS).stream().filter(r -> reference.equals(r.key()))
                .filter(r -> "PersonalDataErased".equals(KafkaProbe.header(r, "saisine_eventType")))
                .map(ConsumerRecord::value).map(json::readTree).toList();
    }

    Document raw(String collection, String id) {
        return mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
    }

    void assertErased(String reference) {
        String letter = letterOf(reference);
        assertThat(raw("messages", letter)).as(reference).isNull();
        assertThat(raw("messages_versions", letter + ":2")).as(reference).isNull();
        assertThat(raw("mail_queue", letter)).as(reference).isNull();
        assertThat(raw("correspondents", reference)).as(reference).isNull();
        assertThat(raw("complaint_messages", reference)).as(reference).isNull();
        assertThat(raw("correspondence_clock", reference)).as(reference).isNull();
        assertThat(raw("case_letter_states", reference)).as(reference).isNull();
        assertThat(raw("erasures", reference)).as(reference).isNotNull();
    }

    @Test
    void shouldEraseFiftyComplaintsOfOnePollWithAsManyDatabaseCommandsAsOne() {
        List<String> references = EventFixtures.testReferences(51);
        fileAndSend(references);

        int forOne = commands.count(() -> handler.together(poll(List.of(order(references.getFirst())))));
        int forFifty = commands.count(() -> handler.together(poll(references.subList(1, 51).stream()
                .<EventEnvelope<? extends Event>>map(PollErasureIntegrationTests::order).toList())));

        assertThat(forFifty).as("commands for a poll of 50 orders, against one").isEqualTo(forOne);
        assertThat(forOne).as("commands for a poll of one order").isLessThan(30);
        for (String reference : references) {
            assertErased(reference);
            assertThat(raw("erasures", reference).get("state", Document.class).get("letters", Document.class))
                    .as("the letter counted from its outcome, its head left behind").isEqualTo(
                            new Document("ACKNOWLEDGEMENT/SENT", 1L));
        }
        for (String reference : references) {
            List<JsonNode> answers = await().atMost(Duration.ofSeconds(30)).until(() -> answers(reference),
                    a -> !a.isEmpty());
            assertThat(answers).as(reference).hasSize(1);
            assertThat(json.convertValue(answers.getFirst().at("/payload/erased"), Map.class)).as(reference)
                    .isEqualTo(Map.of("messages", 1, "correspondents", 1, "correspondence_clock", 1));
        }
    }

    @Test
    void shouldWriteTheLettersAroundAnOrderInOnePollAndNothingForTheComplaintItErased() {
        List<String> references = EventFixtures.testReferences(3);
        String before = references.get(0);
        String erased = references.get(1);
        String after = references.get(2);
        fileAndSend(List.of(erased));
        List<EventEnvelope<? extends Event>> events = new ArrayList<>(filing(before));
        EventEnvelope<ErasureOrdered> order = order(erased);
        events.add(order);
        events.add(order); // redelivered in the same poll: answered once
        events.addAll(filing(erased)); // redelivered after the order: must bring nobody back
        events.addAll(filing(after));

        handler.together(poll(events));

        assertErased(erased);
        assertThat(messages.forComplaint(erased)).isEmpty();
        for (String written : List.of(before, after)) {
            assertThat(raw("correspondents", written)).as(written).isNotNull();
            assertThat(messages.forComplaint(written)).as(written).hasSize(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(email(written)).size() == 1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> answers(erased), a -> !a.isEmpty());
        assertThat(answers(erased)).hasSize(1);
        assertThat(mail.messagesTo(email(erased))).hasSize(1);
        assertThat(answers(before)).isEmpty();
        assertThat(answers(after)).isEmpty();
    }
}
