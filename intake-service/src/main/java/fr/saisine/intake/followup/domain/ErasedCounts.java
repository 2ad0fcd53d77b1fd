package fr.saisine.intake.followup.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many records of each kind an erasure took, complaint by complaint: what each complaint's
 * answer to its order reports, kinds with none left out. Gathered by the parts of a poll's
 * erasure (the follow-up's records, its requests, the complaint's own), each adding its own.
 */
public final class ErasedCounts {

    private final Map<String, Map<String, Long>> byReference = new LinkedHashMap<>();

    public void add(String reference, String kind, long count) {
        if (count > 0) {
            byReference.computeIfAbsent(reference, r -> new LinkedHashMap<>()).merge(kind, count, Long::sum);
        }
    }

    public void addAll(ErasedCounts other) {
        other.byReference.forEach((reference, counts) -> counts.forEach((kind, count) -> add(reference, kind, count)));
    }

    /** The counts of one complaint; empty when nothing of it was erased. */
    public Map<String, Long> of(String reference) {
        return Map.copyOf(byReference.getOrDefault(reference, Map.of()));
    }
}
