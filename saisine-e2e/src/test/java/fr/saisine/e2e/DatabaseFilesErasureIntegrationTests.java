package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import fr.saisine.testsupport.TestServers;

/**
 * A deleted document is left in no file of the database (docs/ferretdb.md): FerretDB on SQLite, as
 * scripts/lib.sh starts it, zeroes what it deletes (secure_delete), and its compact command truncates
 * the write-ahead log, which held the pages as they were. The files are those of the test servers'
 * FerretDB ({@code SAISINE_MONGODB_DATA}, set by ./saisine, else .saisine/run/test/mongodb-data);
 * skipped on a real mongod, which zeroes nothing it frees, and where the files cannot be read.
 */
class DatabaseFilesErasureIntegrationTests {

    @Test
    void shouldLeaveADeletedDocumentInNoFileOfTheDatabaseOnceCompacted() throws IOException {
        Path data = dataDirectory();
        try (MongoClient client = MongoClients.create(TestServers.addresses().mongoUri())) {
            Document build = client.getDatabase("admin").runCommand(new Document("buildInfo", 1));
            assumeTrue(build.containsKey("ferretdbVersion"), "a real mongod: WiredTiger does not zero what it frees (docs/ferretdb.md)");
            String name = TestServers.uniqueName("erasure");
            MongoDatabase database = client.getDatabase(name);
            MongoCollection<Document> complaints = database.getCollection("complaints");
            String erased = "Zephyrin Quatremare-" + TestServers.uniqueName("facts");
            String kept = "Gaspard Kept-" + TestServers.uniqueName("facts");
            for (int i = 0; i < 20; i++) {
                complaints.insertOne(new Document("_id", "erased-" + i).append("name", erased)
                        .append("facts", erased + " ".repeat(i * 50)));
                complaints.insertOne(new Document("_id", "kept-" + i).append("name", kept));
            }
            try {
                // the check can see a document: before the delete, its name is in the files
                assertThat(filesHolding(data, name, erased)).isNotEmpty();

                assertThat(complaints.deleteMany(Filters.regex("_id", "^erased-")).getDeletedCount()).isEqualTo(20);
                database.runCommand(new Document("compact", "complaints"));

                assertThat(filesHolding(data, name, erased)).as("files of %s still holding the deleted documents", data).isEmpty();
                assertThat(filesHolding(data, name, kept)).as("the documents kept are still there").isNotEmpty();
                assertThat(complaints.countDocuments()).isEqualTo(20);
            }
            finally {
                database.drop();
            }
        }
    }

    /** Where the test servers' database keeps its files, or the test is skipped. */
    static Path dataDirectory() {
        String given = System.getenv("SAISINE_MONGODB_DATA");
        Path data = given != null && !given.isBlank() ? Path.of(given)
                : TestServers.projectRoot().resolve(".saisine/run/test/mongodb-data");
        assumeTrue(Files.isDirectory(data), "the database's files are not on this machine (" + data + ")");
        return data;
    }

    /**
     * The files of the database (FerretDB keeps one in {@code NAME.sqlite}, {@code NAME.sqlite-wal} and
     * {@code NAME.sqlite-shm}; the other tests' databases are left alone) whose bytes hold the text.
     */
    static List<Path> filesHolding(Path directory, String database, String text) throws IOException {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith(database + "."))
                    .filter(Files::isRegularFile).filter(file -> holds(file, wanted)).toList();
        }
    }

    private static boolean holds(Path file, byte[] wanted) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        }
        catch (IOException ex) {
            return false; // gone between the listing and the reading (a -wal or -journal removed)
        }
        outer:
        for (int i = 0; i <= bytes.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
