package fr.saisine.platform.store;

import java.util.List;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;

/**
 * Updates and replacements sent {@value #AT_ONCE} to a command. FerretDB 1.24 keeps the read of
 * each update statement of a command open until the command ends ({@code defer} in the loop of
 * {@code handler.updateDocument}), each holding one of the hundred SQLite connections of its
 * database: the hundredth statement of one command waits for a connection for ever, holding the
 * database's turn to write, and every other writer of that database then fails ("no turn to write
 * within 10 s") until FerretDB restarts. Seen as the erasure benchmark's stall (docs/ferretdb.md).
 * Deletes and inserts are not concerned. On MongoDB the chunking only costs a few round trips.
 */
public final class UpdateBatches {

    /** Well under FerretDB's hundred connections a database, leaving some to the readers meanwhile. */
    static final int AT_ONCE = 50;

    private UpdateBatches() {
    }

    /**
     * Sends the writes {@value #AT_ONCE} to a command; {@code ordered} keeps their order across
     * commands too, and stops at the first failure as one ordered command would.
     */
    public static void write(MongoCollection<Document> collection, List<? extends WriteModel<Document>> writes,
            boolean ordered) {
        for (int from = 0; from < writes.size(); from += AT_ONCE) {
            collection.bulkWrite(writes.subList(from, Math.min(writes.size(), from + AT_ONCE)),
                    new BulkWriteOptions().ordered(ordered));
        }
    }
}
