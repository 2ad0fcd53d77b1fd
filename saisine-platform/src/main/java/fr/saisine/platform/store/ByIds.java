package fr.saisine.platform.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * Several documents read by {@code _id} in one query, {@code {_id: {$in: [...]}}}, rather than one
 * query each: MongoDB's {@code _id} index serves it, and Saisine's build of FerretDB sends it to
 * SQLite's (released FerretDB 1.24 reads the whole collection for it: docs/ferretdb.md).
 */
public final class ByIds {

    /** Ids in one query: FerretDB's build takes up to 1,000 to the index, and scans beyond. */
    static final int AT_ONCE = 500;

    private ByIds() {
    }

    /** @param projection the fields to read, or null for whole documents */
    public static List<Document> read(MongoCollection<Document> collection, Collection<String> ids, Bson projection) {
        List<Document> found = new ArrayList<>();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += AT_ONCE) {
            collection.find(byIds(distinct.subList(from, Math.min(distinct.size(), from + AT_ONCE))))
                    .projection(projection).into(found);
        }
        return found;
    }

    /** Deletes the documents of these ids, {@code $in} lists of at most {@link #AT_ONCE}: how many went. */
    public static long delete(MongoCollection<Document> collection, List<?> ids) {
        long deleted = 0;
        for (int from = 0; from < ids.size(); from += AT_ONCE) {
            deleted += collection.deleteMany(byIds(ids.subList(from, Math.min(ids.size(), from + AT_ONCE))))
                    .getDeletedCount();
        }
        return deleted;
    }

    /** One id is an equality, which every FerretDB build, released or not, serves from the index. */
    private static Bson byIds(List<?> ids) {
        return ids.size() == 1 ? Filters.eq("_id", ids.getFirst()) : Filters.in("_id", ids);
    }
}
