package fr.saisine.intake.complaint.persistence;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import fr.saisine.platform.polling.PollingWorker;

/**
 * Each year's high-water mark of references taken, one document per year read and raised by
 * {@code _id}. A mark is a hint for allocators starting or catching up, never what makes a
 * reference taken (the complaint's unique insert is), so it is raised in the background, in one
 * write for all the references taken in {@link #RAISE_EVERY}, rather than by each filing while
 * its client waits: raised in each request, it was a third of a filing's time (every write of the
 * intake database waits its turn on FerretDB). A crash leaves the mark that much behind, which
 * the next allocator crosses by a few collisions. Stopping writes what is pending.
 */
@Component
class ReferenceMarks extends PollingWorker {

    static final String COLLECTION = "reference_marks";
    /** How long references taken are gathered into one raise of the mark. */
    static final Duration RAISE_EVERY = Duration.ofMillis(100);

    private final MongoCollection<Document> marks;
    /** The highest sequence taken by this instance, by year; and the highest written. */
    private final Map<Integer, Long> taken = new ConcurrentHashMap<>();
    private final Map<Integer, Long> written = new ConcurrentHashMap<>();

    ReferenceMarks(MongoTemplate mongo) {
        super("reference-marks", Duration.ofSeconds(1), Duration.ofSeconds(10));
        this.marks = mongo.getCollection(COLLECTION);
    }

    /** The year's mark as stored: 0 before its first reference. */
    long stored(int year) {
        Document mark = marks.find(Filters.eq("_id", markId(year))).first();
        return mark == null ? 0 : ((Number) mark.get("last")).longValue();
    }

    /** Raises the year's mark to this sequence, if higher, within {@link #RAISE_EVERY}. */
    void raise(int year, long sequence) {
        taken.merge(year, sequence, Math::max);
        wakeUp();
    }

    @Override
    protected Duration linger() {
        return RAISE_EVERY;
    }

    /**
     * Writes each mark raised since the last write, with {@code $max}: a mark another instance
     * raised in between is kept. Two instances raising it at the same moment may still set it back
     * on FerretDB, which reads then writes without isolation (docs/ferretdb.md): a hint set back
     * costs an allocator a few collisions, nothing more. (Two upserts creating the year's mark at
     * once make FerretDB answer with a malformed write error: the next round writes it again.)
     */
    @Override
    protected int pollOnce() {
        int raised = 0;
        for (Map.Entry<Integer, Long> mark : taken.entrySet()) {
            long sequence = mark.getValue();
            if (written.getOrDefault(mark.getKey(), 0L) < sequence) {
                marks.updateOne(Filters.eq("_id", markId(mark.getKey())), Updates.max("last", sequence),
                        new UpdateOptions().upsert(true));
                written.merge(mark.getKey(), sequence, Math::max);
                raised++;
            }
        }
        return raised;
    }

    /**
     * Stops after the web server has let the requests in progress finish (Spring Boot's graceful
     * shutdown and the server itself stop at phases just below the default), so that the marks of
     * their references are written too.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    @Override
    public synchronized void stop() {
        super.stop();
        try {
            pollOnce();
        }
        catch (RuntimeException ex) {
            // the database is away: the next allocator crosses the gap by a few collisions
        }
    }

    private static String markId(int year) {
        return "complaints-" + year;
    }
}
