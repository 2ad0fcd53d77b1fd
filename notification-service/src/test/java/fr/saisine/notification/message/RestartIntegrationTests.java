package fr.saisine.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.MessageKind;
import fr.saisine.notification.message.domain.MessageStatus;
import fr.saisine.notification.message.domain.Messages;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.notification.message.persistence.MessageStore;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.TestServers;

/** What a crash mid-way leaves in the mail queue: a letter is sent when it must be, and never again. */
@SpringBootTest
class RestartIntegrationTests {

    static final MailSink mail = MailSink.ofTestServers();

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MessageStore store;

    @Autowired
    Messages messages;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification-restart");
        registry.add("spring.cloud.stream.bindings.notifyComplainant-in-0.destination",
                () -> TestServers.uniqueName("complaint-events"));
        registry.add("spring.cloud.stream.bindings.notificationEvents-out-0.destination",
                () -> TestServers.uniqueName("notification-events"));
    }

    static OutgoingMessage letter(String id, String reference, String recipient, MessageStatus status) {
        return new OutgoingMessage(id, reference, MessageKind.ACKNOWLEDGEMENT, recipient, "Jeanne Dupont",
                "Accusé de réception de votre plainte n° " + reference, "Bonjour,", "<p>Bonjour,</p>", status,
                status == MessageStatus.SENT ? 1 : 0, Instant.now(), status == MessageStatus.SENT ? Instant.now() : null,
                null);
    }

    /** A message as the store keeps it, in the status a crash left it in. */
    Document message(String id, String reference, String recipient, MessageStatus status) {
        return MessageStore.storedForm(mongo, letter(id, reference, recipient, status));
    }

    long queueEntries(String id) {
        return mongo.getCollection("mail_queue").countDocuments(new Document("_id", id));
    }

    @Test
    void shouldNotSendAgainALetterRecordedAsSentWhoseQueueEntryACrashLeftBehind() {
        String reference = EventFixtures.testReference();
        String recipient = "sent-" + reference + "@example.org";
        String id = reference + ":ACKNOWLEDGEMENT:" + recipient;
        mongo.getCollection("messages").insertOne(message(id, reference, recipient, MessageStatus.SENT));
        mongo.getCollection("mail_queue").insertOne(new Document("_id", id).append("queuedAt", new Date())
                .append("dueAt", new Date()));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> queueEntries(id) == 0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> assertThat(mail.messagesTo(recipient)).isEmpty());
    }

    @Test
    void shouldSendALetterWhoseSenderDiedMidWayOnceItsLeaseIsOver() {
        String reference = EventFixtures.testReference();
        String recipient = "pending-" + reference + "@example.org";
        String id = reference + ":ACKNOWLEDGEMENT:" + recipient;
        mongo.getCollection("messages").insertOne(message(id, reference, recipient, MessageStatus.PENDING));
        // claimed by a sender that died mid-send: its claim, no longer renewed, is older than the lease
        Instant dueAt = Instant.now().minusSeconds(600);
        mongo.getCollection("mail_queue").insertOne(new Document("_id", id).append("queuedAt", Date.from(dueAt))
                .append("dueAt", Date.from(dueAt)));
        mongo.getCollection("mail_claims").insertOne(new Document("_id", id + "@" + dueAt.toEpochMilli())
                .append("at", Date.from(Instant.now().minusSeconds(31))));

        await().atMost(Duration.ofSeconds(20)).until(() -> mail.messagesTo(recipient), m -> m.size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> assertThat(mail.messagesTo(recipient)).hasSize(1));
        assertThat(store.find(id)).hasValueSatisfying(m -> assertThat(m.state().status()).isEqualTo(MessageStatus.SENT));
    }

    @Test
    void shouldSendOnceALetterStoredButNotQueuedWhenItsEventIsRedelivered() {
        String reference = EventFixtures.testReference();
        String recipient = "unqueued-" + reference + "@example.org";
        String id = reference + ":ACKNOWLEDGEMENT:" + recipient;
        OutgoingMessage letter = letter(id, reference, recipient, MessageStatus.PENDING);
        // the process died after storing the message, before queueing it and listing it under the complaint
        mongo.getCollection("messages").insertOne(MessageStore.storedForm(mongo, letter));

        boolean queuedAsNew = messages.queue(letter); // the event, redelivered

        assertThat(queuedAsNew).isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> mail.messagesTo(recipient), m -> m.size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> queueEntries(id) == 0);
        assertThat(messages.forComplaint(reference)).extracting(OutgoingMessage::id).containsExactly(id);

        assertThat(messages.queue(letter)).isFalse(); // redelivered again, once sent
        assertThat(queueEntries(id)).isZero();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> assertThat(mail.messagesTo(recipient)).hasSize(1));
        assertThat(store.find(id)).hasValueSatisfying(m -> assertThat(m.state().status()).isEqualTo(MessageStatus.SENT));
    }
}
