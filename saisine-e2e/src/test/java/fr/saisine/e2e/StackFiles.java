package fr.saisine.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import fr.saisine.testsupport.TestServers;

/**
 * The files the test servers keep on this machine (the database's, the broker's log directories),
 * searched byte for byte: what an erasure must leave nothing of. A test that needs them is skipped
 * where they are not here (servers in containers, or elsewhere).
 */
final class StackFiles {

    private StackFiles() {
    }

    /** FerretDB's folder of SQLite files ({@code SAISINE_MONGODB_DATA}, set by ./saisine). */
    static Path databaseFiles() {
        return folder("SAISINE_MONGODB_DATA", ".saisine/run/test/mongodb-data", "the database's files");
    }

    /** Kafka's log directories ({@code SAISINE_KAFKA_DATA}, set by ./saisine). */
    static Path brokerFiles() {
        return folder("SAISINE_KAFKA_DATA", ".saisine/run/test/kafka-data", "the broker's log directories");
    }

    private static Path folder(String variable, String usual, String what) {
        String given = System.getenv(variable);
        Path folder = given != null && !given.isBlank() ? Path.of(given) : TestServers.projectRoot().resolve(usual);
        assumeTrue(Files.isDirectory(folder), what + " are not on this machine (" + folder + ")");
        return folder;
    }

    /** The regular files under {@code folder} (at any depth) whose path matches. */
    static List<Path> filesUnder(Path folder, Predicate<Path> which) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(which).toList();
        }
    }

    /** Each of {@code texts} found in one of {@code files}, as "text in file": none when erased. */
    static List<String> traces(Collection<Path> files, Collection<String> texts) {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            }
            catch (IOException gone) {
                continue; // removed between the listing and the reading (a deleted segment, a -wal)
            }
            for (String text : texts) {
                if (indexOf(bytes, text.getBytes(StandardCharsets.UTF_8)) >= 0) {
                    found.add(text + " in " + file);
                }
            }
        }
        return found;
    }

    static int indexOf(byte[] bytes, byte[] wanted) {
        outer:
        for (int i = 0; i <= bytes.length - wanted.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
