package fr.saisine.intake.complaint.persistence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import fr.saisine.intake.complaint.domain.Reference;
import fr.saisine.intake.complaint.domain.ReferenceAllocator;
import fr.saisine.intake.complaint.domain.ReferencesExhaustedException;

/**
 * Counts on in memory from the year's high-water mark ({@link ReferenceMarks}). The mark is only a
 * hint: it is raised in the background, and FerretDB 1.24 on SQLite applies concurrent updates
 * without isolation (docs/ferretdb.md), so it may lag. What makes a reference taken is the
 * complaint's insert, unique on its reference; after a collision the allocator catches up with
 * the mark and counts on.
 */
@Component
class StoredSequenceAllocator implements ReferenceAllocator {

    private final ReferenceMarks marks;
    private final Map<Integer, AtomicLong> lastByYear = new ConcurrentHashMap<>();

    StoredSequenceAllocator(ReferenceMarks marks) {
        this.marks = marks;
    }

    @Override
    public Reference next(int year) {
        long sequence = lastByYear.computeIfAbsent(year, y -> new AtomicLong(marks.stored(y))).incrementAndGet();
        if (sequence > Reference.MAX_SEQUENCE) {
            throw new ReferencesExhaustedException(year);
        }
        return Reference.of(year, sequence);
    }

    /** The complaint is stored: nothing here may fail its request, nor make it wait. */
    @Override
    public void taken(Reference reference, int year) {
        marks.raise(year, Long.parseLong(reference.value().substring(2)));
    }

    @Override
    public void resync(int year) {
        long stored = marks.stored(year);
        lastByYear.computeIfAbsent(year, y -> new AtomicLong()).accumulateAndGet(stored, Math::max);
    }
}
