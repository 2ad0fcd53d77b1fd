package fr.saisine.intake.complaint.persistence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import fr.saisine.intake.complaint.domain.Reference;
import fr.saisine.intake.complaint.domain.ReferenceAllocator;
import fr.saisine.intake.complaint.domain.ReferencesExhaustedException;

/**
 * Counts on in memory from the year's high-water mark, a document read and raised by {@code _id}.
 * The mark is only a hint: FerretDB 1.24 on SQLite applies concurrent updates without isolation
 * (docs/ferretdb.md), so it may lag. What makes a reference taken is the complaint's insert,
 * unique on its reference; after a collision the allocator catches up with the mark and counts on.
 */
@Component
class StoredSequenceAllocator implements ReferenceAllocator {

    static final String COLLECTION = "reference_marks";
    private static final Logger log = LoggerFactory.getLogger(StoredSequenceAllocator.class);

    private final MongoCollection<Document> marks;
    private final Map<Integer, AtomicLong> lastByYear = new ConcurrentHashMap<>();

    StoredSequenceAllocator(MongoTemplate mongo) {
        this.marks = mongo.getCollection(COLLECTION);
    }

    @Override
    public Reference next(int year) {
        long sequence = lastByYear.computeIfAbsent(year, this::storedMark).incrementAndGet();
        if (sequence > Reference.MAX_SEQUENCE) {
            throw new ReferencesExhaustedException(year);
        }
        return Reference.of(year, sequence);
    }

    /**
     * Best effort: the complaint is stored, so nothing here may fail its request. (Two upserts
     * creating the year's mark at once make FerretDB answer with a malformed write error.)
     */
    @Override
    public void taken(Reference reference, int year) {
        long sequence = Long.parseLong(reference.value().substring(2));
        try {
            marks.updateOne(Filters.eq("_id", markId(year)), Updates.max("last", sequence),
                    new UpdateOptions().upsert(true));
        }
        catch (RuntimeException ex) {
            log.debug("high-water mark not raised to {}: {}", reference, ex.toString());
        }
    }

    @Override
    public void resync(int year) {
        long stored = storedMark(year).get();
        lastByYear.computeIfAbsent(year, y -> new AtomicLong()).accumulateAndGet(stored, Math::max);
    }

    private AtomicLong storedMark(int year) {
        Document mark = marks.find(Filters.eq("_id", markId(year))).first();
        return new AtomicLong(mark == null ? 0 : ((Number) mark.get("last")).longValue());
    }

    private static String markId(int year) {
        return "complaints-" + year;
    }
}
