package fr.saisine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What earlier runs seeded, one line per complaint (reference, complainant, organisation), kept
 * beside the results so that 10k → 30k → 100k runs build on each other and the staff views are
 * asked for cases that exist. A log whose first complaint the stack no longer knows (a wiped stack)
 * is started again.
 */
final class SeedLog {

    record Entry(String reference, String complainant, String organisation) {
    }

    private final Path file;
    private final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());

    SeedLog(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] fields = line.split("\t", -1);
                    if (fields.length == 3) {
                        entries.add(new Entry(fields[0], fields[1], fields[2]));
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    int size() {
        return entries.size();
    }

    void clear() {
        entries.clear();
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    void add(Entry entry) {
        entries.add(entry);
        try {
            Files.createDirectories(file.getParent());
            synchronized (this) {
                Files.writeString(file, String.join("\t", entry.reference(), entry.complainant(),
                        entry.organisation()) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
