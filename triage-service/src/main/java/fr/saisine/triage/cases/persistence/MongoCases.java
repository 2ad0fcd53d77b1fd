package fr.saisine.triage.cases.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.EventEnvelope;
import fr.saisine.platform.events.EventJson;
import fr.saisine.platform.outbox.OutboxEntry;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.triage.cases.domain.CaseStatus;
import fr.saisine.triage.cases.domain.Cases;
import fr.saisine.triage.cases.domain.TriagedCase;

@Component
class MongoCases implements Cases {

    private static final String SECTOR = "state.sector.code";
    private static final String STATUS = "state.status";
    private static final String SUBMITTED_AT = "state.submittedAt";
    private static final String RELATED_KEY = "state.relatedKey";

    private final MongoTemplate mongo;
    private final EventJson json;
    private final OutboxRelay relay;

    MongoCases(MongoTemplate mongo, EventJson json, OutboxRelay relay) {
        this.mongo = mongo;
        this.json = json;
        this.relay = relay;
        var indexes = mongo.indexOps(CaseDocument.COLLECTION);
        indexes.createIndex(new Index().on(SECTOR, Sort.Direction.ASC).on(STATUS, Sort.Direction.ASC)
                .on(SUBMITTED_AT, Sort.Direction.ASC));
        indexes.createIndex(new Index().on(RELATED_KEY, Sort.Direction.ASC));
    }

    @Override
    public boolean add(TriagedCase triagedCase, EventEnvelope<ComplaintTriaged> announcement) {
        try {
            mongo.insert(new CaseDocument(triagedCase.reference(), triagedCase,
                    List.of(OutboxEntry.of(announcement, json)), true, 0));
        }
        catch (DuplicateKeyException alreadyTriaged) {
            return false;
        }
        relay.wakeUp();
        return true;
    }

    @Override
    public Optional<TriagedCase> find(String reference) {
        return Optional.ofNullable(mongo.findById(reference, CaseDocument.class)).map(CaseDocument::state);
    }

    @Override
    public List<String> related(String relatedKey, int limit) {
        Query sameKey = new Query(Criteria.where(RELATED_KEY).is(relatedKey))
                .with(Sort.by(SUBMITTED_AT)).limit(limit);
        sameKey.fields().include("_id");
        return mongo.find(sameKey, Document.class, CaseDocument.COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
    }

    @Override
    public List<TriagedCase> openQueue(String sectorCode, int limit) {
        Query open = new Query(Criteria.where(SECTOR).is(sectorCode).and(STATUS).ne(CaseStatus.CLOSED.name()))
                .with(Sort.by(SUBMITTED_AT)).limit(limit);
        return mongo.find(open, CaseDocument.class).stream().map(CaseDocument::state).toList();
    }

    @Override
    public Map<String, Long> openCountsBySector() {
        var counts = Aggregation.newAggregation(
                Aggregation.match(Criteria.where(STATUS).ne(CaseStatus.CLOSED.name())),
                Aggregation.group(SECTOR).count().as("open"));
        Map<String, Long> bySector = new LinkedHashMap<>();
        for (Document row : mongo.aggregate(counts, CaseDocument.COLLECTION, Document.class)) {
            bySector.put(row.getString("_id"), ((Number) row.get("open")).longValue());
        }
        return bySector;
    }
}
