package fr.saisine.notification.message.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import fr.saisine.testsupport.TestServers;

/**
 * Claims on the mail queue, on the real FerretDB: a sender that dies between its claim and the
 * entry's new due time must not hold the letter for ever (the two-instance end-to-end test lost an
 * acknowledgement that way: notification killed right after claiming).
 */
class MailQueueClaimsIntegrationTests {

    static final MongoClient client = MongoClients.create(TestServers.addresses().mongoUri());
    static final Duration LEASE = Duration.ofSeconds(30);
    final MongoTemplate mongo = new MongoTemplate(client, TestServers.uniqueName("notification-claims"));
    final MailQueue queue = new MailQueue(mongo, null);

    @AfterAll
    static void close() {
        client.close();
    }

    MailQueue.Entry queued(String id, Instant due) {
        mongo.getCollection(MailQueue.ENTRIES).insertOne(new Document("_id", id).append("queuedAt", Date.from(due))
                .append("dueAt", Date.from(due)));
        return queue.due(due, 10).stream().filter(e -> e.messageId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shouldLetOneSenderHoldAnEntryAndNoOtherWhileTheLeaseLasts() {
        Instant now = Instant.now();
        MailQueue.Entry entry = queued("26000001:ACKNOWLEDGEMENT:a@example.org", now);

        String held = queue.claim(entry, now, LEASE);

        assertThat(held).isNotNull();
        assertThat(queue.claim(entry, now.plusSeconds(5), LEASE)).isNull();
        assertThat(queue.due(now.plusSeconds(5), 10)).extracting(MailQueue.Entry::messageId)
                .doesNotContain(entry.messageId());
    }

    @Test
    void shouldTakeOverTheClaimOfASenderThatDiedBeforeMovingTheEntry() {
        Instant then = Instant.now().minusSeconds(120);
        MailQueue.Entry entry = queued("26000002:ACKNOWLEDGEMENT:b@example.org", then);
        // the dead sender's claim, on the due time the entry still has: its reschedule never happened
        mongo.getCollection(MailQueue.CLAIMS).insertOne(new Document("_id", entry.claimKey())
                .append("at", Date.from(then)));
        Instant now = Instant.now();

        String first = queue.claim(entry, now, LEASE);
        String second = queue.claim(entry, now, LEASE);

        assertThat(first).isEqualTo(entry.claimKey() + "#1");
        assertThat(second).isNull();
        queue.release(first);
    }
}
