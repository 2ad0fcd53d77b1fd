package fr.saisine.intake.complaint.persistence;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import fr.saisine.intake.complaint.domain.Reference;
import fr.saisine.intake.complaint.domain.ReferenceAllocator;
import fr.saisine.intake.complaint.domain.ReferencesExhaustedException;

/**
 * One counter document per year, incremented with {@code findAndModify}: atomic on every
 * MongoDB-compatible server, so two instances never give the same number.
 */
@Component
class MongoReferenceAllocator implements ReferenceAllocator {

    static final String COLLECTION = "reference_counters";

    private final MongoTemplate mongo;

    MongoReferenceAllocator(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Reference next(int year) {
        long sequence = increment(year);
        if (sequence > Reference.MAX_SEQUENCE) {
            throw new ReferencesExhaustedException(year);
        }
        return Reference.of(year, sequence);
    }

    // Through the driver: Spring Data's findAndModify always sends a projection ("fields"),
    // which FerretDB 1.24 refuses.
    private long increment(int year) {
        Bson counter = Filters.eq("_id", "complaints-" + year);
        Bson plusOne = Updates.inc("sequence", 1L);
        var upsert = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        MongoCollection<Document> counters = mongo.getCollection(COLLECTION);
        try {
            return counters.findOneAndUpdate(counter, plusOne, upsert).getLong("sequence");
        }
        catch (MongoException ex) {
            if (ErrorCategory.fromErrorCode(ex.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw ex;
            }
            // two instances created the year's counter at once: it exists now, so $inc it
            return counters.findOneAndUpdate(counter, plusOne, upsert).getLong("sequence");
        }
    }
}
