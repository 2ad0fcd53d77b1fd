package fr.saisine.notification.message.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import fr.saisine.testsupport.TestServers;

/**
 * A sender's hold on the claims of the letters it sends a few at a time, on the real FerretDB: the
 * claims are renewed while it lasts, and once they could not be for half a lease, the letters not
 * yet started are no longer counted safe to send (another sender may soon take them over).
 */
class ClaimHoldIntegrationTests {

    static final MongoClient client = MongoClients.create(TestServers.addresses().mongoUri());
    static final Duration LEASE = Duration.ofSeconds(3);
    final MongoTemplate mongo = new MongoTemplate(client, TestServers.uniqueName("notification-hold"));

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void shouldRenewEveryClaimHeldAndStaySafePastHalfALease() throws Exception {
        Instant claimedAt = Instant.now();
        List<String> claims = List.of("26000101:ACKNOWLEDGEMENT:a@example.org@1", "26000102:ACKNOWLEDGEMENT:b@example.org@1");
        for (String claim : claims) {
            mongo.getCollection(MailQueue.CLAIMS).insertOne(new Document("_id", claim).append("at", Date.from(claimedAt)));
        }

        try (ClaimHold hold = new ClaimHold(new MailQueue(mongo, null), claims, claimedAt, LEASE, Clock.systemUTC())) {
            Thread.sleep(LEASE.plusSeconds(1));

            assertThat(hold.safe()).isTrue();
        }
        for (String claim : claims) {
            Instant renewed = mongo.getCollection(MailQueue.CLAIMS).find(new Document("_id", claim)).first()
                    .getDate("at").toInstant();
            assertThat(renewed).as(claim).isAfter(claimedAt.plus(LEASE.dividedBy(3)));
        }
    }

    @Test
    void shouldNoLongerCountClaimsSafeOnceTheyCouldNotBeRenewedForHalfALease() {
        MongoClient gone = MongoClients.create(TestServers.addresses().mongoUri());
        MailQueue unreachable = new MailQueue(new MongoTemplate(gone, mongo.getDb().getName()), null);
        gone.close();

        try (ClaimHold hold = new ClaimHold(unreachable, List.of("26000103:ACKNOWLEDGEMENT:c@example.org@1"),
                Instant.now(), LEASE, Clock.systemUTC())) {
            assertThat(hold.safe()).isTrue();
            await().atMost(LEASE).until(() -> !hold.safe());
        }
    }
}
