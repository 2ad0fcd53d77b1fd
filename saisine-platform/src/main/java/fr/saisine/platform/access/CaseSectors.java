package fr.saisine.platform.access;

import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import fr.saisine.events.ComplaintTriaged;

/**
 * The sector each case is in, as this service learned it from complaint-events, one document per
 * reference read by {@code _id}: how intake and notification apply the sector rule without
 * asking triage. A redelivered {@code ComplaintTriaged} changes nothing.
 */
public final class CaseSectors {

    static final String COLLECTION = "case_sectors";

    private final MongoCollection<Document> sectors;

    public CaseSectors(MongoTemplate mongo) {
        this.sectors = mongo.getCollection(COLLECTION);
    }

    public void remember(ComplaintTriaged triaged) {
        try {
            sectors.insertOne(new Document("_id", triaged.reference()).append("sector", triaged.sector().code()));
        }
        catch (MongoWriteException ex) {
            if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw ex;
            }
        }
    }

    public Optional<String> sectorOf(String reference) {
        Document known = sectors.find(Filters.eq("_id", reference)).first();
        return Optional.ofNullable(known).map(d -> d.getString("sector"));
    }
}
