package fr.saisine.platform.access;

import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import fr.saisine.events.CaseMovedToSector;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.platform.store.UniqueInserts;

/**
 * The sector each case is in, as this service learned it from complaint-events, one document per
 * reference read by {@code _id}: how intake and notification apply the sector rule without
 * asking triage. It follows the case's moves by their version (the triage is version 1), so a
 * redelivered or late event changes nothing; a case's events come in order, from one partition.
 */
public final class CaseSectors {

    static final String COLLECTION = "case_sectors";

    private final MongoCollection<Document> sectors;

    public CaseSectors(MongoTemplate mongo) {
        this.sectors = mongo.getCollection(COLLECTION);
    }

    static final long TRIAGED_VERSION = 1;

    public void remember(ComplaintTriaged triaged) {
        rememberAll(List.of(triaged));
    }

    /** Remembers the sectors of these routings in one insert; those known already are left as they are. */
    public void rememberAll(List<ComplaintTriaged> routed) {
        UniqueInserts.insertAll(sectors, routed.stream().map(triaged -> new Document("_id", triaged.reference())
                .append("sector", triaged.sector().code()).append("version", TRIAGED_VERSION)).toList());
    }

    public void moved(CaseMovedToSector move) {
        Document known = sectors.find(Filters.eq("_id", move.reference())).first();
        long version = known == null ? 0 : ((Number) known.get("version", TRIAGED_VERSION)).longValue();
        if (move.version() > version) {
            sectors.replaceOne(Filters.eq("_id", move.reference()), new Document("_id", move.reference())
                    .append("sector", move.to().code()).append("version", move.version()),
                    new ReplaceOptions().upsert(true));
        }
    }

    public Optional<String> sectorOf(String reference) {
        Document known = sectors.find(Filters.eq("_id", reference)).first();
        return Optional.ofNullable(known).map(d -> d.getString("sector"));
    }
}
