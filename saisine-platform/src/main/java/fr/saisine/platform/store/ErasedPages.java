package fr.saisine.platform.store;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoDatabase;

import fr.saisine.platform.polling.PollingWorker;

/**
 * Leaves erased personal data in no file of the database. FerretDB on SQLite, as ./saisine starts
 * it ({@code secure_delete}), zeroes a deleted or rewritten document in the database file, but the
 * write-ahead log keeps the pages as they were until it is checkpointed and truncated, which
 * Saisine's FerretDB build does on {@code compact} (docs/ferretdb.md); on a quiet database that may
 * otherwise take days. So what erases marks the collections it erased from, and this worker
 * compacts them once no erasure has come for {@code delay} (a wave of erasures gathered into one
 * compact per collection, not one a document), or at the latest {@link #MOST_WAITS} delays after
 * the first, and again after a failure (a reader still on the old log). Compacting in the middle
 * of a wave held the database's turn to write while the checkpoint waited for readers, and the
 * wave's own writes failed meanwhile ("no turn to write within 10 s", ./saisine bench --erase). On
 * MongoDB, {@code compact} gives space back but zeroes nothing: docs/ferretdb.md says what it needs.
 */
public class ErasedPages extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(ErasedPages.class);
    /** MongoDB's and FerretDB's code for a collection that does not exist: nothing to compact. */
    private static final int NAMESPACE_NOT_FOUND = 26;

    private final MongoDatabase database;
    private final Duration delay;
    /** A wave that never pauses is still compacted after this many delays. */
    static final int MOST_WAITS = 30;

    private final Set<String> marked = ConcurrentHashMap.newKeySet();
    private volatile long lastMarkedNanos;
    private volatile long firstWaitingNanos;

    public ErasedPages(MongoDatabase database, Duration delay) {
        super("erased-pages", Duration.ofMinutes(1), Duration.ofMinutes(5));
        this.database = database;
        this.delay = delay;
    }

    /** Personal data was deleted or rewritten in these collections: compact them soon. */
    public void erasedFrom(Collection<String> collections) {
        long now = System.nanoTime();
        if (marked.isEmpty()) {
            firstWaitingNanos = now;
        }
        lastMarkedNanos = now;
        if (marked.addAll(collections)) {
            wakeUp();
        }
    }

    public void erasedFrom(String... collections) {
        erasedFrom(List.of(collections));
    }

    /** The collections marked and not compacted yet. */
    public Set<String> pending() {
        return Set.copyOf(marked);
    }

    @Override
    protected int pollOnce() {
        long now = System.nanoTime();
        if (!marked.isEmpty() && now - lastMarkedNanos < delay.toNanos()
                && now - firstWaitingNanos < delay.toNanos() * MOST_WAITS) {
            // erasures still coming: look again after the delay (the linger), not at the next interval
            wakeUp();
            return 0;
        }
        for (String collection : List.copyOf(marked)) {
            marked.remove(collection);
            try {
                database.runCommand(new Document("compact", collection));
            }
            catch (MongoCommandException ex) {
                if (ex.getErrorCode() != NAMESPACE_NOT_FOUND) {
                    marked.add(collection);
                    throw ex;
                }
            }
            catch (RuntimeException ex) {
                marked.add(collection);
                throw ex;
            }
            log.debug("compacted {} after an erasure", collection);
        }
        return 0;
    }

    /** After a wake-up, wait for the erasures that come with it: one compact for all of them. */
    @Override
    protected Duration linger() {
        return delay;
    }
}
