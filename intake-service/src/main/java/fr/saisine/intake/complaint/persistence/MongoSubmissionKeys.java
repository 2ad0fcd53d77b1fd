package fr.saisine.intake.complaint.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import fr.saisine.intake.complaint.domain.KeyClaim;
import fr.saisine.intake.complaint.domain.SubmissionKey;
import fr.saisine.intake.complaint.domain.SubmissionKeys;
import fr.saisine.platform.store.Purges;
import fr.saisine.intake.complaint.domain.SubmittedComplaint;

/**
 * Submission keys in {@code idempotency_keys} ({@code _id} = {@code api:<key>} or
 * {@code form:<token>}), their takeovers in {@code idempotency_takeovers} ({@code _id} =
 * {@code <key id>:takeover:<n>}, a collection of its own so that no client's key can be mistaken
 * for a takeover). Every read and write is by {@code _id}: the only filter FerretDB serves without
 * reading the whole collection (docs/ferretdb.md).
 */
@Component
class MongoSubmissionKeys implements SubmissionKeys {

    static final String KEYS = "idempotency_keys";
    static final String TAKEOVERS = "idempotency_takeovers";

    private final MongoCollection<Document> keys;
    private final MongoCollection<Document> takeovers;

    MongoSubmissionKeys(MongoTemplate mongo) {
        this.keys = mongo.getCollection(KEYS);
        this.takeovers = mongo.getCollection(TAKEOVERS);
    }

    @Override
    public boolean insert(KeyClaim claim) {
        return insertUnique(keys, document(claim));
    }

    @Override
    public Optional<KeyClaim> find(String id) {
        return Optional.ofNullable(keys.find(Filters.eq("_id", id)).first()).map(MongoSubmissionKeys::claim);
    }

    @Override
    public boolean insertTakeover(String id, int attempt, Instant at, Instant expiresAt) {
        return insertUnique(takeovers, new Document("_id", takeoverId(id, attempt)).append("createdAt", Date.from(at))
                .append("expiresAt", Date.from(expiresAt)));
    }

    @Override
    public Optional<Instant> takeoverAt(String id, int attempt) {
        return Optional.ofNullable(takeovers.find(Filters.eq("_id", takeoverId(id, attempt))).first())
                .map(d -> d.getDate("createdAt").toInstant());
    }

    @Override
    public void replace(KeyClaim claim) {
        keys.replaceOne(Filters.eq("_id", claim.id()), document(claim));
    }

    @Override
    public void complete(String id, SubmittedComplaint submitted) {
        keys.updateOne(Filters.eq("_id", id), Updates.combine(Updates.set("status", KeyClaim.Status.COMPLETED.name()),
                Updates.set("reference", submitted.reference()),
                Updates.set("submittedAt", Date.from(submitted.submittedAt()))));
    }

    @Override
    public void delete(String id) {
        keys.deleteOne(Filters.eq("_id", id));
    }

    /** A scan on FerretDB of each collection: daily, of collections the purge keeps to a day or two of keys (Purges). */
    @Override
    public long purge(SubmissionKey.Scope scope, Instant createdBefore, int limit) {
        var filter = Filters.and(Filters.regex("_id", "^" + scope.idPrefix()),
                Filters.lt("createdAt", Date.from(createdBefore)));
        long purged = Purges.page(keys, filter, limit);
        return purged + Purges.page(takeovers, filter, limit);
    }

    private static boolean insertUnique(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        }
        catch (MongoWriteException ex) {
            if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw ex;
        }
    }

    static String takeoverId(String id, int attempt) {
        return id + ":takeover:" + attempt;
    }

    private static Document document(KeyClaim claim) {
        return new Document("_id", claim.id()).append("status", claim.status().name())
                .append("requestHash", claim.fingerprint()).append("createdAt", Date.from(claim.claimedAt()))
                .append("expiresAt", Date.from(claim.expiresAt())).append("attempt", claim.attempt());
    }

    private static KeyClaim claim(Document d) {
        KeyClaim.Status status = KeyClaim.Status.valueOf(d.getString("status"));
        SubmittedComplaint submitted = status == KeyClaim.Status.COMPLETED
                ? new SubmittedComplaint(d.getString("reference"), "SUBMITTED", d.getDate("submittedAt").toInstant())
                : null;
        Number attempt = d.get("attempt", Number.class);
        return new KeyClaim(d.getString("_id"), status, d.getString("requestHash"), d.getDate("createdAt").toInstant(),
                d.getDate("expiresAt").toInstant(), attempt == null ? 0 : attempt.intValue(), submitted);
    }
}
