package fr.saisine.events;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * How Saisine remembers which dead letters an operator has replayed (./saisine dlq): as the
 * offsets of the consumer group {@link #GROUP} on each dead-letter topic, which no process joins.
 * Every record before the group's offset has been replayed, and so have those after it that the
 * offset's metadata lists ({@code "replayed:7,9"}: replayed one by one, out of order). The tool
 * writes it; the services' {@code saisine_dead_letters} gauge reads it, so both count alike.
 */
public final class DeadLetterReplays {

    public static final String GROUP = "saisine-dlq";

    private static final String PREFIX = "replayed:";

    private DeadLetterReplays() {
    }

    /** The offsets beyond the group's offset that were replayed, from the offset's metadata. */
    public static Set<Long> beyond(String metadata) {
        Set<Long> offsets = new TreeSet<>();
        if (metadata != null && metadata.startsWith(PREFIX)) {
            for (String offset : metadata.substring(PREFIX.length()).split(",")) {
                if (!offset.isBlank()) {
                    offsets.add(Long.parseLong(offset.strip()));
                }
            }
        }
        return offsets;
    }

    public static String metadata(Set<Long> beyond) {
        return PREFIX + beyond.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
