package fr.saisine.bench;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the services wrote, read from their {@code saisine_db_writes_total} (documents) and
 * {@code saisine_db_write_commands_total} (commands, that is round trips) counters on every
 * management address, by application, collection and command; read before and after the
 * pipeline run, so that the difference says where a complaint's cost goes.
 */
final class DatabaseWrites {

    static final String METRIC = "saisine_db_writes_total";
    static final String COMMANDS_METRIC = "saisine_db_write_commands_total";
    /** Shown for a label an older build does not give (its counters had only {@code command}). */
    static final String UNKNOWN = "?";

    /**
     * Counts by {@code application/collection/command}; {@code commands} is null when a service
     * counts documents but not commands (an older build).
     */
    record Reading(Map<String, Long> documents, Map<String, Long> commands) {

        long documentsTotal() {
            return documents.values().stream().mapToLong(Long::longValue).sum();
        }

        Long commandsTotal() {
            return commands == null ? null : commands.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Two services' readings together; the same key on two addresses (two instances) adds up. */
        Reading plus(Reading other) {
            return new Reading(merged(documents, other.documents),
                    commands == null || other.commands == null ? null : merged(commands, other.commands));
        }

        private static Map<String, Long> merged(Map<String, Long> one, Map<String, Long> two) {
            Map<String, Long> merged = new TreeMap<>(one);
            two.forEach((key, count) -> merged.merge(key, count, Long::sum));
            return merged;
        }
    }

    /**
     * A run's cost: totals, and per acknowledged complaint by key (null when none was acknowledged);
     * all null when it was not counted.
     */
    record Cost(Long documents, Long commands, Map<String, Double> documentsByKey,
            Map<String, Double> commandsByKey) {

        static final Cost UNCOUNTED = new Cost(null, null, null, null);

        static Cost between(Reading before, Reading after, int complaints) {
            Long commands = after.commandsTotal() == null || before.commandsTotal() == null ? null
                    : after.commandsTotal() - before.commandsTotal();
            return new Cost(after.documentsTotal() - before.documentsTotal(), commands,
                    perComplaint(before.documents(), after.documents(), complaints),
                    commands == null ? null : perComplaint(before.commands(), after.commands(), complaints));
        }
    }

    private final Http http;
    private final List<String> addresses;

    DatabaseWrites(Http http, List<String> addresses) {
        this.http = http;
        this.addresses = addresses;
    }

    /** The counts now, or empty when a service cannot be scraped or does not count (an older build). */
    Optional<Reading> reading() throws InterruptedException {
        Reading total = new Reading(Map.of(), Map.of());
        for (String address : addresses) {
            try {
                Optional<Reading> one = parse(http.getText(address + "/actuator/prometheus"));
                if (one.isEmpty()) {
                    return Optional.empty();
                }
                total = total.plus(one.get());
            }
            catch (IOException ex) {
                return Optional.empty();
            }
        }
        return addresses.isEmpty() ? Optional.empty() : Optional.of(total);
    }

    /**
     * The counts once the services are done writing: the acknowledgements are sent before the
     * relays mark their events published, so read until two readings a relay period apart agree
     * on the documents written (commands move with them: each is counted with its documents).
     */
    Optional<Reading> settled() throws InterruptedException {
        Optional<Reading> last = reading();
        for (int i = 0; i < 30 && last.isPresent(); i++) {
            Thread.sleep(1000);
            Optional<Reading> now = reading();
            if (now.isPresent() && now.get().documentsTotal() == last.get().documentsTotal()) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** One service's counts in its Prometheus text exposition; empty when it has no document counter. */
    static Optional<Reading> parse(String exposition) {
        Map<String, Long> documents = byKey(Exposition.samples(exposition, METRIC));
        if (documents.isEmpty()) {
            return Optional.empty();
        }
        List<Exposition.Sample> commands = Exposition.samples(exposition, COMMANDS_METRIC);
        return Optional.of(new Reading(documents, commands.isEmpty() ? null : byKey(commands)));
    }

    private static Map<String, Long> byKey(List<Exposition.Sample> samples) {
        Map<String, Double> sums = new TreeMap<>();
        for (Exposition.Sample sample : samples) {
            sums.merge(key(sample.labels()), sample.value(), Double::sum);
        }
        Map<String, Long> counts = new TreeMap<>();
        sums.forEach((key, sum) -> counts.put(key, Math.round(sum)));
        return counts;
    }

    static String key(Map<String, String> labels) {
        return String.join("/", labels.getOrDefault("application", UNKNOWN),
                labels.getOrDefault("collection", UNKNOWN), labels.getOrDefault("command", UNKNOWN));
    }

    /**
     * After minus before by key, divided by the complaints, to 3 decimals: only the keys that grew,
     * largest first (then by key, so that equal runs print alike). Null without a complaint.
     */
    static Map<String, Double> perComplaint(Map<String, Long> before, Map<String, Long> after, int complaints) {
        if (complaints <= 0) {
            return null;
        }
        Map<String, Long> grown = new HashMap<>();
        after.forEach((key, count) -> {
            long difference = count - before.getOrDefault(key, 0L);
            if (difference > 0) {
                grown.put(key, difference);
            }
        });
        Map<String, Double> ordered = new LinkedHashMap<>();
        grown.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), Report.round((double) e.getValue() / complaints)));
        return ordered;
    }
}
