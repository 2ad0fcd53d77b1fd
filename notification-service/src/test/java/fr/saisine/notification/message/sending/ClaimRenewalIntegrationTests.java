package fr.saisine.notification.message.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.MessageKind;
import fr.saisine.notification.message.ScriptedMailServer;
import fr.saisine.notification.message.domain.Letter;
import fr.saisine.notification.message.domain.MessageStatus;
import fr.saisine.notification.message.domain.Messages;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.TestServers;

/**
 * A send longer than the lease, watched by a sender of another instance (a {@link MailQueue} of
 * its own on the same database, which this instance's memory of held claims does not cover): the
 * sending instance renews its claim while the mail server takes the letter, so the other finds it
 * held every time it looks, and never takes the attempt over to send the letter twice.
 */
@SpringBootTest
class ClaimRenewalIntegrationTests {

    static final Duration LEASE = Duration.ofMillis(900);
    static final ScriptedMailServer slow = ScriptedMailServer.acceptingAfter(Duration.ofSeconds(4));

    @Autowired
    Messages messages;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification-claim-renewal");
        registry.add("spring.mail.port", slow::port);
        registry.add("saisine.notification.lease", () -> LEASE.toMillis() + "ms");
        registry.add("spring.cloud.stream.bindings.notifyComplainant-in-0.destination",
                () -> TestServers.uniqueName("complaint-events"));
        registry.add("spring.cloud.stream.bindings.notificationEvents-out-0.destination",
                () -> TestServers.uniqueName("notification-events"));
    }

    @AfterAll
    static void close() throws IOException {
        slow.close();
    }

    Document claimOf(String messageId) {
        Document entry = mongo.getCollection(MailQueue.ENTRIES).find(new Document("_id", messageId)).first();
        return entry == null ? null : mongo.getCollection(MailQueue.CLAIMS)
                .find(new Document("_id", messageId + "@" + entry.getDate("dueAt").getTime())).first();
    }

    @Test
    void shouldRenewTheClaimDuringASendLongerThanTheLeaseSoThatAnotherInstanceDoesNotTakeItOver() {
        String reference = EventFixtures.testReference();
        OutgoingMessage letter = OutgoingMessage.queued(reference, MessageKind.ACKNOWLEDGEMENT,
                "slow-" + reference + "@example.org", "Jeanne Dupont",
                new Letter("Accusé de réception de votre plainte n° " + reference, "Bonjour,", "<p>Bonjour,</p>"),
                Instant.now());
        messages.queue(letter);
        Instant claimedAt = await().atMost(Duration.ofSeconds(10)).until(() -> claimOf(letter.id()), c -> c != null)
                .getDate("at").toInstant();
        MailQueue otherInstance = new MailQueue(mongo, null);
        List<String> takenOver = new ArrayList<>();
        AtomicReference<Instant> lastRenewal = new AtomicReference<>(claimedAt);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Document claim = claimOf(letter.id());
            if (claim != null) {
                lastRenewal.set(claim.getDate("at").toInstant());
            }
            for (MailQueue.Entry entry : otherInstance.due(Instant.now(), 64)) {
                String taken = entry.messageId().equals(letter.id())
                        ? otherInstance.claim(entry, Instant.now(), LEASE) : null;
                if (taken != null) {
                    takenOver.add(taken);
                }
            }
            return messages.forComplaint(reference).getFirst().status() == MessageStatus.SENT;
        });

        assertThat(takenOver).isEmpty();
        assertThat(lastRenewal.get()).isAfter(claimedAt.plus(LEASE));
        assertThat(slow.acceptedMessageIds()).filteredOn(id -> id != null && id.contains(reference)).hasSize(1);
    }
}
