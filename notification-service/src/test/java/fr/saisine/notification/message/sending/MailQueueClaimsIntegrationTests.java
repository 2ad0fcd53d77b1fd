package fr.saisine.notification.message.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import fr.saisine.testsupport.TestServers;

/**
 * Claims on the mail queue, on the real FerretDB: one sender per attempt, claims kept as the
 * record of each attempt, and a sender that dies mid-attempt must not hold the letter for ever
 * (the two-instance end-to-end test lost an acknowledgement that way: notification killed right
 * after claiming). Two {@link MailQueue}s on one database stand for two instances.
 */
class MailQueueClaimsIntegrationTests {

    static final MongoClient client = MongoClients.create(TestServers.addresses().mongoUri());
    static final Duration LEASE = Duration.ofSeconds(30);
    final MongoTemplate mongo = new MongoTemplate(client, TestServers.uniqueName("notification-claims"));
    final MailQueue queue = new MailQueue(mongo, null);
    final MailQueue otherInstance = new MailQueue(mongo, null);

    @AfterAll
    static void close() {
        client.close();
    }

    MailQueue.Entry queued(String id, Instant due) {
        mongo.getCollection(MailQueue.ENTRIES).insertOne(new Document("_id", id).append("queuedAt", Date.from(due))
                .append("dueAt", Date.from(due)));
        return queue.due(due, 10).stream().filter(e -> e.messageId().equals(id)).findFirst().orElseThrow();
    }

    Document claimOf(String key) {
        return mongo.getCollection(MailQueue.CLAIMS).find(new Document("_id", key)).first();
    }

    @Test
    void shouldLetOneSenderHoldAnEntryAndNoOtherWhileTheLeaseLasts() {
        Instant now = Instant.now();
        MailQueue.Entry entry = queued("26000001:ACKNOWLEDGEMENT:a@example.org", now);

        String held = queue.claim(entry, now, LEASE);

        assertThat(held).isEqualTo(entry.claimKey());
        assertThat(queue.claim(entry, now.plusSeconds(5), LEASE)).as("another sender of this instance").isNull();
        assertThat(otherInstance.claim(entry, now.plusSeconds(5), LEASE)).as("a sender of another instance").isNull();
        // the entry is not moved out of sight while held: the claim alone keeps others off
        assertThat(queue.due(now.plusSeconds(5), 10)).extracting(MailQueue.Entry::messageId)
                .contains(entry.messageId());
    }

    @Test
    void shouldKeepTheClaimOfAnAttemptOverAndLetNoOtherSenderClaimTheSameDueEntry() {
        Instant now = Instant.now();
        MailQueue.Entry entry = queued("26000003:ACKNOWLEDGEMENT:c@example.org", now);
        String held = queue.claim(entry, now, LEASE);

        queue.letGo(entry, now.plusSeconds(1), LEASE);

        assertThat(claimOf(held)).as("the record of the attempt").isNotNull();
        assertThat(queue.claim(entry, now.plusSeconds(2), LEASE)).isNull();
        assertThat(otherInstance.claim(entry, now.plusSeconds(2), LEASE)).isNull();
        assertThat(mongo.getCollection(MailQueue.CLAIMS).countDocuments()).isEqualTo(1);
    }

    @Test
    void shouldClaimTheNextTryOfAnEntryUnderANewKey() {
        Instant now = Instant.now();
        MailQueue.Entry entry = queued("26000004:ACKNOWLEDGEMENT:d@example.org", now);
        queue.claim(entry, now, LEASE);
        queue.reschedule(entry.messageId(), now.plusSeconds(60));
        queue.letGo(entry, now.plusSeconds(1), LEASE);

        MailQueue.Entry retry = otherInstance.due(now.plusSeconds(60), 10).getFirst();

        assertThat(otherInstance.claim(retry, now.plusSeconds(60), LEASE)).isEqualTo(retry.claimKey())
                .isNotEqualTo(entry.claimKey());
        assertThat(claimOf(entry.claimKey())).isNotNull();
    }

    @Test
    void shouldTakeOverTheClaimOfASenderThatDiedMidAttempt() {
        Instant then = Instant.now().minusSeconds(120);
        MailQueue.Entry entry = queued("26000002:ACKNOWLEDGEMENT:b@example.org", then);
        // the dead sender's claim, never renewed, on the due time the entry still has
        mongo.getCollection(MailQueue.CLAIMS).insertOne(new Document("_id", entry.claimKey())
                .append("at", Date.from(then)));
        Instant now = Instant.now();

        String first = queue.claim(entry, now, LEASE);
        String second = otherInstance.claim(entry, now, LEASE);

        assertThat(first).isEqualTo(entry.claimKey() + "#1");
        assertThat(second).isNull();
    }

    @Test
    void shouldNotTakeOverAnAttemptWhoseEntryWentOrMovedSinceTheQueueWasRead() {
        Instant then = Instant.now().minusSeconds(120);
        MailQueue.Entry sent = queued("26000005:ACKNOWLEDGEMENT:e@example.org", then);
        MailQueue.Entry retried = queued("26000006:ACKNOWLEDGEMENT:f@example.org", then);
        // both attempts claimed long ago and over: one letter sent, the other waiting for its next try
        for (MailQueue.Entry entry : List.of(sent, retried)) {
            mongo.getCollection(MailQueue.CLAIMS).insertOne(new Document("_id", entry.claimKey())
                    .append("at", Date.from(then)));
        }
        queue.remove(sent.messageId());
        queue.reschedule(retried.messageId(), Instant.now().plusSeconds(60));

        // a sender that read the queue before then
        assertThat(otherInstance.claim(sent, Instant.now(), LEASE)).isNull();
        assertThat(otherInstance.claim(retried, Instant.now(), LEASE)).isNull();
        assertThat(claimOf(sent.claimKey() + "#1")).isNull();
        assertThat(claimOf(retried.claimKey() + "#1")).isNull();
    }

    @Test
    void shouldNotTakeOverAnAttemptWhoseSenderRenewsItsClaim() {
        Instant start = Instant.now().minusSeconds(40);
        MailQueue.Entry entry = queued("26000007:ACKNOWLEDGEMENT:g@example.org", start);
        String held = queue.claim(entry, start, LEASE);

        // a send longer than the lease, the claim renewed every third of it
        queue.renew(held, start.plusSeconds(10));
        queue.renew(held, start.plusSeconds(20));
        queue.renew(held, start.plusSeconds(30));

        assertThat(otherInstance.claim(entry, start.plusSeconds(40), LEASE)).isNull();
        assertThat(claimOf(held).getDate("at").toInstant()).isEqualTo(start.plusSeconds(30).truncatedTo(ChronoUnit.MILLIS));
        assertThat(claimOf(held + "#1")).isNull();
    }

    @Test
    void shouldClaimEveryFreeEntryWithOneInsertAndLeaveOutThoseAnotherSenderHolds() {
        Instant now = Instant.now();
        MailQueue.Entry first = queued("26000008:ACKNOWLEDGEMENT:h@example.org", now);
        MailQueue.Entry heldElsewhere = queued("26000009:ACKNOWLEDGEMENT:i@example.org", now);
        MailQueue.Entry third = queued("26000010:ACKNOWLEDGEMENT:j@example.org", now);
        otherInstance.claim(heldElsewhere, now, LEASE);
        CountingInserts inserts = new CountingInserts();
        try (MongoClient counted = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestServers.addresses().mongoUri()))
                .addCommandListener(inserts).build())) {
            MailQueue countedQueue = new MailQueue(new MongoTemplate(counted, mongo.getDb().getName()), null);

            Map<MailQueue.Entry, String> held = countedQueue.claimAll(List.of(first, heldElsewhere, third), now, LEASE);

            assertThat(held).containsExactly(Map.entry(first, first.claimKey()), Map.entry(third, third.claimKey()));
            assertThat(inserts.ofClaims).as("claims inserted by one command").hasValue(1);
        }
        assertThat(otherInstance.claimAll(List.of(first, heldElsewhere, third), now.plusSeconds(5), LEASE)).isEmpty();
    }

    @Test
    void shouldTakeOverAStaleClaimAmongEntriesClaimedTogether() {
        Instant then = Instant.now().minusSeconds(120);
        MailQueue.Entry free = queued("26000011:ACKNOWLEDGEMENT:k@example.org", then);
        MailQueue.Entry abandoned = queued("26000012:ACKNOWLEDGEMENT:l@example.org", then);
        mongo.getCollection(MailQueue.CLAIMS).insertOne(new Document("_id", abandoned.claimKey())
                .append("at", Date.from(then)));

        Map<MailQueue.Entry, String> held = queue.claimAll(List.of(free, abandoned), Instant.now(), LEASE);

        assertThat(held).containsExactly(Map.entry(free, free.claimKey()),
                Map.entry(abandoned, abandoned.claimKey() + "#1"));
    }

    @Test
    void shouldRemoveTheEntriesSentAndNoOther() {
        Instant now = Instant.now();
        MailQueue.Entry sent = queued("26000013:ACKNOWLEDGEMENT:m@example.org", now);
        MailQueue.Entry waiting = queued("26000014:ACKNOWLEDGEMENT:n@example.org", now);
        MailQueue.Entry alsoSent = queued("26000015:ACKNOWLEDGEMENT:o@example.org", now);

        queue.removeAll(List.of(sent.messageId(), alsoSent.messageId()));

        assertThat(queue.due(now, 10)).extracting(MailQueue.Entry::messageId).contains(waiting.messageId())
                .doesNotContain(sent.messageId(), alsoSent.messageId());
    }

    /** Counts the insert commands sent to the claims. */
    static final class CountingInserts implements CommandListener {

        final AtomicInteger ofClaims = new AtomicInteger();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (event.getCommandName().equals("insert")
                    && MailQueue.CLAIMS.equals(event.getCommand().getString("insert").getValue())) {
                ofClaims.incrementAndGet();
            }
        }
    }
}
