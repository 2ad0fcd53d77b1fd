package fr.saisine.platform.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Inserts against a unique {@code _id}, where a key taken already is an answer, not an error: a
 * redelivery, another instance, a claim held. On FerretDB 1.24 such an insert is the one write
 * that is isolated (docs/ferretdb.md), and several go in one command, one SQLite transaction.
 */
public final class UniqueInserts {

    private UniqueInserts() {
    }

    /**
     * Inserts them all in one unordered command, so that a key taken does not stop the others.
     *
     * @return the positions, in {@code documents}, of those whose key was taken already
     */
    public static Set<Integer> insertAll(MongoCollection<Document> collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return Set.of();
        }
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
            return Set.of();
        }
        catch (MongoBulkWriteException ex) {
            if (ex.getWriteConcernError() != null) {
                throw ex;
            }
            Set<Integer> taken = new HashSet<>();
            for (BulkWriteError error : ex.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw ex;
                }
                taken.add(error.getIndex());
            }
            return taken;
        }
    }

    /** @return false when its key was taken already */
    public static boolean insert(MongoCollection<Document> collection, Document document) {
        return insertAll(collection, List.of(document)).isEmpty();
    }
}
