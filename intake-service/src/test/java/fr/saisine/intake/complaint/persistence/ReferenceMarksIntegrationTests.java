package fr.saisine.intake.complaint.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
 * The year's high-water mark of references, on the real FerretDB: raised in the background, in
 * one write for the references taken together, not lowered by a later write of a lower one, and
 * written when the service stops.
 */
class ReferenceMarksIntegrationTests {

    static final AtomicInteger updates = new AtomicInteger();
    static final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(TestServers.addresses().mongoUri()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("update")) {
                        updates.incrementAndGet();
                    }
                }
            }).build());
    final MongoTemplate mongo = new MongoTemplate(client, TestServers.uniqueName("intake-marks"));

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void shouldRaiseTheMarkOnceForReferencesTakenTogether() {
        ReferenceMarks marks = new ReferenceMarks(mongo);
        marks.start();
        try {
            int before = updates.get();
            for (long sequence = 1; sequence <= 50; sequence++) {
                marks.raise(2026, sequence);
            }

            await().atMost(Duration.ofSeconds(5)).until(() -> marks.stored(2026) == 50);
            assertThat(updates.get() - before).as("writes of the mark for 50 references").isBetween(1, 5);
        }
        finally {
            marks.stop();
        }
    }

    @Test
    void shouldKeepAHigherMarkAnotherInstanceWroteBefore() {
        ReferenceMarks mine = new ReferenceMarks(mongo);
        mine.start();
        mongo.getCollection(ReferenceMarks.COLLECTION).insertOne(new Document("_id", "complaints-2027")
                .append("last", 90L));

        mine.raise(2027, 40);
        mine.stop();

        assertThat(mine.stored(2027)).isEqualTo(90);
    }

    @Test
    void shouldWriteWhatIsPendingWhenTheServiceStops() {
        ReferenceMarks marks = new ReferenceMarks(mongo);
        marks.start();

        marks.raise(2028, 7);
        marks.stop();

        assertThat(new ReferenceMarks(mongo).stored(2028)).isEqualTo(7);
    }
}
