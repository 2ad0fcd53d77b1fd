package fr.saisine.platform.polling;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

/**
 * Which instance of a service runs a background job that should run once however many instances
 * run (the outbox relay, the progress check). Time is cut into terms; the instance that first
 * inserts a term's document ({@code <job>:<term number>}, unique by {@code _id}, the one write
 * FerretDB decides atomically) holds the job for that term. The holder claims the next term a
 * third of a term before it begins, so it keeps the job while it lives; when it dies, the first
 * other instance to ask in a new term takes it: the job moves within one term.
 * <p>
 * Two instances whose clocks disagree by more than a third of a term may both run a job for a
 * moment: every job is idempotent (what it writes is decided by unique inserts), so this costs
 * work, never a second letter or event.
 */
public final class JobLeases {

    public static final String COLLECTION = "job_leases";

    /** What this instance knows of a job's current term. */
    private record Known(long term, boolean mine, boolean nextClaimed) {
    }

    private final MongoCollection<Document> leases;
    private final Clock clock;
    private final String instance;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public JobLeases(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, describeInstance());
    }

    JobLeases(MongoTemplate mongo, Clock clock, String instance) {
        this.leases = mongo.getCollection(COLLECTION);
        this.clock = clock;
        this.instance = instance;
    }

    /** Whether this instance should run {@code job} now, terms lasting {@code termLength}. */
    public boolean held(String job, Duration termLength) {
        long length = termLength.toMillis();
        long now = clock.millis();
        long term = now / length;
        Known current = known.get(job);
        if (current == null || current.term() != term) {
            current = new Known(term, claim(job, term, now), false);
            known.put(job, current);
        }
        if (current.mine() && !current.nextClaimed() && now >= (term + 1) * length - length / 3) {
            claim(job, term + 1, now);
            leases.deleteOne(Filters.eq("_id", job + ":" + (term - 3)));
            known.put(job, new Known(term, true, true));
        }
        return current.mine();
    }

    /** Inserts the term's document, or finds who did first. */
    private boolean claim(String job, long term, long now) {
        String id = job + ":" + term;
        try {
            leases.insertOne(new Document("_id", id).append("holder", instance).append("at", new Date(now)));
            return true;
        }
        catch (MongoWriteException ex) {
            if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw ex;
            }
            Document holder = leases.find(Filters.eq("_id", id)).first();
            return holder != null && instance.equals(holder.getString("holder"));
        }
    }

    /** host:pid:random, so that two instances on one host, or one restarted, are never taken for each other. */
    private static String describeInstance() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }
}
