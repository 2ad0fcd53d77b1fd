package fr.saisine.intake.complaint.persistence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import fr.saisine.intake.complaint.domain.Reference;
import fr.saisine.intake.complaint.domain.ReferenceAllocator;
import fr.saisine.intake.complaint.domain.ReferencesExhaustedException;

/**
 * Counts on from the highest reference stored for the year. No counter document: FerretDB 1.24
 * on SQLite applies concurrent updates, {@code findAndModify} and {@code $inc} included, without
 * isolation (docs/ferretdb.md shows the lost updates), while its unique index on {@code _id}
 * holds. So the complaint's own insert is the atomic claim, and this only proposes candidates:
 * from memory within an instance, caught up from the database when another instance has moved on.
 */
@Component
class StoredSequenceAllocator implements ReferenceAllocator {

    private final MongoTemplate mongo;
    private final Map<Integer, AtomicLong> lastByYear = new ConcurrentHashMap<>();

    StoredSequenceAllocator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Reference next(int year) {
        long sequence = lastByYear.computeIfAbsent(year, y -> new AtomicLong(highestStored(y))).incrementAndGet();
        if (sequence > Reference.MAX_SEQUENCE) {
            throw new ReferencesExhaustedException(year);
        }
        return Reference.of(year, sequence);
    }

    @Override
    public void resync(int year) {
        long stored = highestStored(year);
        lastByYear.computeIfAbsent(year, y -> new AtomicLong()).accumulateAndGet(stored, Math::max);
    }

    private long highestStored(int year) {
        Query ofTheYear = new Query(Criteria.where("_id")
                .gte(Reference.of(year, 1).value()).lte(Reference.of(year, Reference.MAX_SEQUENCE).value()))
                .with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        ofTheYear.fields().include("_id");
        var highest = mongo.findOne(ofTheYear, org.bson.Document.class, ComplaintDocument.COLLECTION);
        return highest == null ? 0 : Long.parseLong(highest.getString("_id").substring(2));
    }
}
