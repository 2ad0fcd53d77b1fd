package fr.saisine.bench;

import java.util.Collection;

/** Nearest-rank percentiles of a set of durations in milliseconds. */
record Percentiles(long count, double p50, double p95, double p99, double max) {

    static Percentiles of(Collection<Long> millis) {
        long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static double rank(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    @Override
    public String toString() {
        return "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (n=%d)".formatted(p50, p95, p99, max, count);
    }

}
