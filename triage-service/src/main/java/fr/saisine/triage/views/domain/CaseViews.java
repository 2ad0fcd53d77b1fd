package fr.saisine.triage.views.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import fr.saisine.events.CaseSummary;

/**
 * The staff views, held in memory: the latest {@link CaseSummary} of every case, indexed by sector
 * and status (counts, queues in order of filing) and by normalised text (search). Fed from the
 * compacted case-views topic (CaseViewsFeed) and, at once, with this instance's own changes
 * (LocalCaseChanges); writes are serialised, reads are any number. A summary
 * replaces the one held only if its version is greater, so redeliveries and replays change
 * nothing. Reads are of concurrent maps: a move between sectors is seen by a reader at most a
 * few microseconds late, never half-applied in one bucket.
 * <p>
 * The bean has a name of its own: {@code caseViews} is the case page's view builder (cases.web).
 */
@Component("caseViewProjection")
public class CaseViews {

    /** The order of a queue: oldest filing first, then reference. */
    record QueueKey(Instant submittedAt, String reference) implements Comparable<QueueKey> {

        private static final Comparator<QueueKey> ORDER = Comparator
                .comparing(QueueKey::submittedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(QueueKey::reference);

        static QueueKey of(CaseSummary summary) {
            return new QueueKey(summary.submittedAt(), summary.reference());
        }

        @Override
        public int compareTo(QueueKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** A summary with its text as search compares it, normalised once when it arrives. */
    record Held(CaseSummary summary, String complainant, String organisation) {

        static Held of(CaseSummary summary) {
            return new Held(summary, SearchText.normalise(summary.complainantName()),
                    SearchText.normalise(summary.respondentName()));
        }
    }

    /** The cases of one sector in one status, in queue order, and how many. */
    static final class Bucket {

        final ConcurrentSkipListMap<QueueKey, CaseSummary> cases = new ConcurrentSkipListMap<>();
        final AtomicLong count = new AtomicLong();
    }

    private final ConcurrentSkipListMap<String, Held> byReference = new ConcurrentSkipListMap<>();
    private final Map<String, Map<String, Bucket>> bySectorAndStatus = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListSet<String>> byRelatedKey = new ConcurrentHashMap<>();

    /**
     * Holds {@code summary} unless a summary of the same or a later version is held already.
     *
     * @return whether it changed the views
     */
    public synchronized boolean apply(CaseSummary summary) {
        Held before = byReference.get(summary.reference());
        if (before != null && before.summary().version() >= summary.version()) {
            return false;
        }
        // in the new bucket before leaving the old: a reader may count it twice for a moment, never lose it
        Bucket to = bucket(summary.sector().code(), summary.status());
        if (to.cases.put(QueueKey.of(summary), summary) == null) {
            to.count.incrementAndGet();
        }
        byReference.put(summary.reference(), Held.of(summary));
        if (summary.relatedKey() != null) {
            byRelatedKey.computeIfAbsent(summary.relatedKey(), k -> new ConcurrentSkipListSet<>()).add(summary.reference());
        }
        if (before != null) {
            Bucket from = bucket(before.summary().sector().code(), before.summary().status());
            QueueKey old = QueueKey.of(before.summary());
            if (!(from == to && old.equals(QueueKey.of(summary))) && from.cases.remove(old) != null) {
                from.count.decrementAndGet();
            }
            String oldKey = before.summary().relatedKey();
            if (oldKey != null && !oldKey.equals(summary.relatedKey())) {
                byRelatedKey.getOrDefault(oldKey, new ConcurrentSkipListSet<>()).remove(summary.reference());
            }
        }
        return true;
    }

    /** The latest summary of a case, if the views hold it. */
    public CaseSummary get(String reference) {
        Held held = byReference.get(reference);
        return held == null ? null : held.summary();
    }

    /** How many cases the views hold. */
    public int size() {
        return byReference.size();
    }

    /**
     * The references of the cases sharing {@code relatedKey} (the same organisation and subject),
     * in order of reference, oldest first: held here rather than in a group document per key,
     * which every complaint of a wave would rewrite whole (and, on FerretDB, lose to a concurrent
     * rewrite).
     */
    public List<String> related(String relatedKey, int limit) {
        var references = byRelatedKey.get(relatedKey);
        return references == null ? List.of() : references.stream().limit(limit).toList();
    }

    /** How many cases the sector holds in each status (only the statuses it has cases in). */
    public Map<String, Long> counts(String sector) {
        Map<String, Long> counts = new LinkedHashMap<>();
        bySectorAndStatus.getOrDefault(sector, Map.of()).forEach((status, bucket) -> {
            long count = bucket.count.get();
            if (count > 0) {
                counts.put(status, count);
            }
        });
        return counts;
    }

    /** Every sector's counts, as {@link #counts} gives them. */
    public Map<String, Map<String, Long>> countsBySector() {
        Map<String, Map<String, Long>> all = new LinkedHashMap<>();
        bySectorAndStatus.keySet().forEach(sector -> all.put(sector, counts(sector)));
        return all;
    }

    /**
     * A page of the sector's cases in any of {@code statuses} that pass {@code filter}, oldest
     * filing first, with how many pass in all.
     */
    public ViewPage queue(String sector, Collection<String> statuses, Predicate<CaseSummary> filter, int page,
            int size) {
        Map<String, Bucket> buckets = bySectorAndStatus.getOrDefault(sector, Map.of());
        List<Map.Entry<QueueKey, CaseSummary>> matching = new ArrayList<>();
        int nonEmpty = 0;
        for (String status : statuses) {
            Bucket bucket = buckets.get(status);
            if (bucket == null || bucket.cases.isEmpty()) {
                continue;
            }
            nonEmpty++;
            bucket.cases.entrySet().forEach(entry -> {
                if (filter.test(entry.getValue())) {
                    matching.add(entry);
                }
            });
        }
        if (nonEmpty > 1) {
            matching.sort(Map.Entry.comparingByKey());
        }
        return page(matching.stream().map(Map.Entry::getValue).toList(), page, size);
    }

    /**
     * A page of the cases of {@code sectors} whose reference starts with {@code text}, or whose
     * complainant or organisation contains it (accents and case ignored), newest first.
     */
    public ViewPage search(Set<String> sectors, String text, int page, int size) {
        String wanted = SearchText.normalise(text);
        String prefix = text.strip();
        List<CaseSummary> found = new ArrayList<>();
        if (wanted.isEmpty()) {
            return page(found, page, size);
        }
        // ascending: a skip list walks forward along its lowest level, but backward by a search per step
        for (Held held : byReference.values()) {
            CaseSummary summary = held.summary();
            if (sectors.contains(summary.sector().code()) && (summary.reference().startsWith(prefix)
                    || held.complainant().contains(wanted) || held.organisation().contains(wanted))) {
                found.add(summary);
            }
        }
        return page(found.reversed(), page, size);
    }

    private static ViewPage page(List<CaseSummary> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new ViewPage(List.copyOf(all.subList(from, to)), all.size(), page, size);
    }

    private Bucket bucket(String sector, String status) {
        return bySectorAndStatus.computeIfAbsent(sector, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, s -> new Bucket());
    }
}
