package fr.saisine.intake.ratelimit.persistence;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import fr.saisine.intake.ratelimit.domain.RateSlots;
import fr.saisine.platform.store.Purges;

/** Rate-limit slots in {@code rate_slots}, {@code _id} = the slot's key: taken by the insert that wins. */
@Component
class MongoRateSlots implements RateSlots {

    static final String COLLECTION = "rate_slots";

    private final MongoCollection<Document> slots;

    MongoRateSlots(MongoTemplate mongo) {
        this.slots = mongo.getCollection(COLLECTION);
    }

    /** A scan on FerretDB: daily, of a collection the purge keeps to a few hours of slots (Purges). */
    @Override
    public long purge(Instant windowEndedBefore, int limit) {
        return Purges.page(slots, Filters.lt("expiresAt", Date.from(windowEndedBefore)), limit);
    }

    @Override
    public boolean claim(String id, Instant expiresAt) {
        try {
            slots.insertOne(new Document("_id", id).append("expiresAt", Date.from(expiresAt)));
            return true;
        }
        catch (MongoWriteException ex) {
            if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw ex;
        }
    }
}
