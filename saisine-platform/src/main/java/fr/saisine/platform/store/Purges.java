package fr.saisine.platform.store;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Deletes, a page at a time, the documents a filter other than {@code _id} finds: the ids of at
 * most {@code limit} read by one query, then deleted by {@code _id} ({@code $in}). On FerretDB 1.24
 * the query reads the whole collection (docs/ferretdb.md), so it is for the retention schedule's
 * daily purges of collections that the purge itself keeps small, never for a request's path; the
 * page bounds what one query returns and one command deletes.
 */
public final class Purges {

    /** At most this many ids in one {@code $in}: what Saisine's FerretDB takes to the index. */
    public static final int PAGE = 500;

    private Purges() {
    }

    /** @return how many were deleted: fewer than {@code limit} when nothing more matches */
    public static long page(MongoCollection<Document> collection, Bson filter, int limit) {
        List<Object> ids = collection.find(filter).projection(Projections.include("_id")).limit(Math.min(limit, PAGE))
                .map(document -> document.get("_id")).into(new ArrayList<>());
        return ids.isEmpty() ? 0 : collection.deleteMany(Filters.in("_id", ids)).getDeletedCount();
    }
}
