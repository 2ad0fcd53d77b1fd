package fr.saisine.bench;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * The documents the services wrote, summed over their {@code saisine_db_writes_total} counters (one
 * per command) on every management address; read before and after the pipeline run.
 */
final class DatabaseWrites {

    static final String METRIC = "saisine_db_writes_total";

    private final Http http;
    private final List<String> addresses;

    DatabaseWrites(Http http, List<String> addresses) {
        this.http = http;
        this.addresses = addresses;
    }

    /** The sum now, or empty when a service cannot be scraped or does not count (an older build). */
    OptionalLong total() throws InterruptedException {
        long total = 0;
        for (String address : addresses) {
            try {
                OptionalLong one = sum(http.getText(address + "/actuator/prometheus"));
                if (one.isEmpty()) {
                    return OptionalLong.empty();
                }
                total += one.getAsLong();
            }
            catch (IOException ex) {
                return OptionalLong.empty();
            }
        }
        return addresses.isEmpty() ? OptionalLong.empty() : OptionalLong.of(total);
    }

    /**
     * The total once the services are done writing: the acknowledgements are sent before the
     * relays mark their events published, so read until two readings a relay period apart agree.
     */
    OptionalLong settledTotal() throws InterruptedException {
        OptionalLong last = total();
        for (int i = 0; i < 30 && last.isPresent(); i++) {
            Thread.sleep(1000);
            OptionalLong now = total();
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }

    /** The sum of every sample of the counter in a Prometheus text exposition. */
    static OptionalLong sum(String exposition) {
        double total = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(METRIC + "{") || line.startsWith(METRIC + " ")) {
                int labelsEnd = line.lastIndexOf('}');
                String rest = labelsEnd >= 0 ? line.substring(labelsEnd + 1) : line.substring(METRIC.length());
                String[] parts = rest.strip().split("\\s+");
                total += Double.parseDouble(parts[0]);
                found = true;
            }
        }
        return found ? OptionalLong.of(Math.round(total)) : OptionalLong.empty();
    }
}
