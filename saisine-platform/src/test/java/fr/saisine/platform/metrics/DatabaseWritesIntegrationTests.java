package fr.saisine.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Updates;

import fr.saisine.testsupport.TestServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The write counter on the real MongoDB-compatible server (FerretDB here): documents written, as it answered. */
class DatabaseWritesIntegrationTests {

    final DatabaseWrites writes = new DatabaseWrites();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(TestServers.addresses().mongoUri()))
            .addCommandListener(writes).build());
    final String database = TestServers.uniqueName("platform-writes");
    final MongoCollection<Document> things = client.getDatabase(database).getCollection("things");

    DatabaseWritesIntegrationTests() {
        writes.bindTo(registry);
    }

    @AfterEach
    void dropAndClose() {
        client.getDatabase(database).drop();
        client.close();
    }

    double written(String command) {
        return registry.find("saisine.db.writes").tag("command", command).functionCounters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    double commands(String command, String collection) {
        return registry.find("saisine.db.write.commands").tag("command", command).tag("collection", collection)
                .functionCounters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void shouldCountEveryDocumentEachCommandWrote() {
        things.insertMany(List.of(new Document("_id", "a").append("n", 1), new Document("_id", "b").append("n", 1),
                new Document("_id", "c").append("n", 2)));
        things.updateMany(Filters.eq("n", 1), Updates.set("seen", true));
        things.findOneAndUpdate(Filters.eq("_id", "c"), Updates.inc("n", 1));
        things.deleteOne(Filters.eq("_id", "a"));

        assertThat(written("insert")).isEqualTo(3);
        assertThat(written("update")).isEqualTo(2);
        assertThat(written("findAndModify")).isEqualTo(1);
        assertThat(written("delete")).isEqualTo(1);
    }

    @Test
    void shouldCountCommandsApartFromDocumentsAndNameTheirCollection() {
        things.insertMany(List.of(new Document("_id", "a"), new Document("_id", "b")));
        client.getDatabase(database).getCollection("others").insertOne(new Document("_id", "c"));
        things.deleteMany(Filters.in("_id", "a", "b"));

        assertThat(written("insert")).isEqualTo(3);
        assertThat(commands("insert", "things")).isEqualTo(1);
        assertThat(commands("insert", "others")).isEqualTo(1);
        assertThat(commands("delete", "things")).isEqualTo(1);
        assertThat(registry.find("saisine.db.writes").tag("command", "delete").tag("collection", "things")
                .functionCounter().count()).isEqualTo(2);
    }

    @Test
    void shouldCountNothingForWritesThatWroteNothing() {
        things.insertOne(new Document("_id", "a"));
        assertThatExceptionOfType(MongoWriteException.class)
                .isThrownBy(() -> things.insertOne(new Document("_id", "a")));
        things.updateOne(Filters.eq("_id", "nobody"), Updates.set("seen", true));
        things.findOneAndUpdate(Filters.eq("_id", "nobody"), Updates.set("seen", true),
                new FindOneAndUpdateOptions());
        things.deleteMany(Filters.eq("_id", "nobody"));
        things.find().first();

        assertThat(written("insert")).isEqualTo(1);
        assertThat(written("update")).isZero();
        assertThat(written("findAndModify")).isZero();
        assertThat(written("delete")).isZero();
    }

    @Test
    void shouldCountAnUpsertAsTheDocumentItWrote() {
        things.findOneAndUpdate(Filters.eq("_id", "new"), Updates.setOnInsert("n", 1),
                new FindOneAndUpdateOptions().upsert(true));
        things.updateOne(Filters.eq("_id", "other"), Updates.setOnInsert("n", 1),
                new com.mongodb.client.model.UpdateOptions().upsert(true));

        assertThat(written("findAndModify")).isEqualTo(1);
        assertThat(written("update")).isEqualTo(1);
    }
}
