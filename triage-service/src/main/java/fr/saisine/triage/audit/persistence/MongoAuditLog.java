package fr.saisine.triage.audit.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;

import fr.saisine.events.AccessAudited;
import fr.saisine.triage.audit.domain.AuditLog;
import fr.saisine.triage.audit.domain.AuditSearch;

/**
 * The audit log in MongoDB, one document per record keyed by its {@code auditId}: a redelivery
 * meets the duplicate key. Searches by reference or actor use the indexes made here on MongoDB;
 * on FerretDB they read the collection (docs/ferretdb.md), which staff views must not do but an
 * auditor's occasional search may, until the read models of the performance work.
 */
@Component
class MongoAuditLog implements AuditLog {

    static final String COLLECTION = "audit_log";
    private static final String AT = "record.at";
    private static final String REFERENCES = "record.references";
    private static final String USERNAME = "record.actor.username";
    private static final String SUBJECT = "record.actor.subject";

    private final MongoTemplate mongo;

    MongoAuditLog(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on(REFERENCES, Sort.Direction.ASC).on(AT, Sort.Direction.DESC));
        indexes.createIndex(new Index().on(USERNAME, Sort.Direction.ASC).on(AT, Sort.Direction.DESC));
        indexes.createIndex(new Index().on(SUBJECT, Sort.Direction.ASC).on(AT, Sort.Direction.DESC));
        indexes.createIndex(new Index().on(AT, Sort.Direction.DESC));
    }

    record AuditDocument(@Id String auditId, AccessAudited record) {
    }

    @Override
    public boolean append(AccessAudited record) {
        try {
            mongo.insert(new AuditDocument(record.auditId(), record), COLLECTION);
            return true;
        }
        catch (DuplicateKeyException alreadyKept) {
            return false;
        }
    }

    /**
     * One deletion by time: the {@code _id} is the record's random {@code auditId}, so no range of
     * ids selects the old ones. On MongoDB the index on {@code record.at} serves it; on FerretDB it
     * reads the whole collection once per daily run (docs/ferretdb.md, docs/operations.md).
     */
    @Override
    public long deleteOlderThan(Instant cutoff) {
        return mongo.getCollection(COLLECTION).deleteMany(Filters.lt(AT, Date.from(cutoff))).getDeletedCount();
    }

    @Override
    public List<AccessAudited> search(AuditSearch search) {
        List<Criteria> conditions = new ArrayList<>();
        if (search.reference() != null) {
            conditions.add(Criteria.where(REFERENCES).is(search.reference()));
        }
        if (search.actor() != null) {
            conditions.add(new Criteria().orOperator(Criteria.where(USERNAME).is(search.actor()),
                    Criteria.where(SUBJECT).is(search.actor())));
        }
        Query query = new Query(conditions.isEmpty() ? new Criteria() : new Criteria().andOperator(conditions))
                .with(Sort.by(Sort.Direction.DESC, AT).and(Sort.by(Sort.Direction.DESC, "_id")))
                .skip((long) search.page() * search.size()).limit(search.size());
        return mongo.find(query, AuditDocument.class, COLLECTION).stream().map(AuditDocument::record).toList();
    }
}
