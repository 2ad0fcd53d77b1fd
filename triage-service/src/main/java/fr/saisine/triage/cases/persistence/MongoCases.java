package fr.saisine.triage.cases.persistence;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.Fields;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.EventEnvelope;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.store.VersionedStore;
import fr.saisine.triage.cases.domain.Case;
import fr.saisine.triage.cases.domain.CaseStatus;
import fr.saisine.triage.cases.domain.Cases;
import fr.saisine.triage.cases.domain.TriagedCase;

/**
 * Cases in MongoDB, through the platform's {@link VersionedStore}: each change a document of its
 * own, inserted against its unique {@code reference:version}, and a head per case for the views. What triage does for each complaint reads and writes by {@code _id} only, the
 * one lookup FerretDB serves without reading the whole collection (docs/ferretdb.md): related
 * complaints are kept in one group document per related key. The staff views (a sector's queue,
 * the counts) query by field, which MongoDB serves from the indexes created here.
 */
@Component
class MongoCases implements Cases {

    /** The head document as the queue query reads it; heads written before versions had none (1). */
    record CaseHead(@Id String reference, Long version, TriagedCase state) {

        long versionOrFirst() {
            return version == null ? 1 : version;
        }
    }

    static final String RELATED_GROUPS = "related_groups";
    private static final String SECTOR = "state.sector.code";
    private static final String STATUS = "state.status";
    private static final String SUBMITTED_AT = "state.submittedAt";

    static final String COLLECTION = "cases";

    private final MongoTemplate mongo;
    private final VersionedStore<TriagedCase> store;
    private final Clock clock;

    MongoCases(MongoTemplate mongo, Outbox outbox, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        this.store = new VersionedStore<>(mongo, outbox, relay, COLLECTION, TriagedCase.class, clock);
        mongo.indexOps(COLLECTION).createIndex(new Index().on(SECTOR, Sort.Direction.ASC)
                .on(STATUS, Sort.Direction.ASC).on(SUBMITTED_AT, Sort.Direction.ASC));
    }

    @Override
    public boolean add(TriagedCase triagedCase, EventEnvelope<ComplaintTriaged> announcement) {
        boolean created = store.create(triagedCase.reference(), triagedCase, List.of(announcement));
        mongo.getCollection(RELATED_GROUPS).updateOne(Filters.eq("_id", triagedCase.relatedKey()),
                Updates.addToSet("references", triagedCase.reference()), new UpdateOptions().upsert(true));
        return created;
    }

    @Override
    public Optional<Case> find(String reference) {
        return store.find(reference).map(v -> new Case(v.state(), v.version()));
    }

    @Override
    public boolean save(Case.Change change) {
        return store.append(change.state().reference(), change.version(), change.state(),
                change.events().stream().map(event -> EventEnvelope.wrap(event, clock.instant())).toList());
    }

    @Override
    public List<String> related(String relatedKey, int limit) {
        Document group = mongo.getCollection(RELATED_GROUPS).find(Filters.eq("_id", relatedKey)).first();
        List<String> references = group == null ? List.of() : group.getList("references", String.class, List.of());
        return references.stream().sorted().limit(limit).toList();
    }

    @Override
    public List<TriagedCase> openQueue(String sectorCode, int limit) {
        Query open = new Query(Criteria.where(SECTOR).is(sectorCode).and(STATUS).ne(CaseStatus.CLOSED.name()))
                .with(Sort.by(SUBMITTED_AT)).limit(limit);
        // a head a crash or a race left behind is caught up, row by row, by _id: a case moved or
        // closed since never shows in a queue it has left
        return mongo.find(open, CaseHead.class, COLLECTION).stream()
                .map(head -> store.latest(head.reference(), head.versionOrFirst(), head.state()).state())
                .filter(c -> c.isOpen() && c.sector().code().equals(sectorCode))
                .toList();
    }

    @Override
    public Map<String, Long> openCountsBySector() {
        var counts = Aggregation.newAggregation(
                Aggregation.match(Criteria.where(STATUS).ne(CaseStatus.CLOSED.name())),
                Aggregation.group(SECTOR).count().as("open"));
        Map<String, Long> bySector = new LinkedHashMap<>();
        for (Document row : mongo.aggregate(counts, COLLECTION, Document.class)) {
            bySector.put(row.getString("_id"), ((Number) row.get("open")).longValue());
        }
        return bySector;
    }

    @Override
    public Map<String, Map<CaseStatus, Long>> countsBySectorAndStatus() {
        var counts = Aggregation.newAggregation(
                Aggregation.group(Fields.from(Fields.field("sector", SECTOR), Fields.field("status", STATUS)))
                        .count().as("cases"));
        Map<String, Map<CaseStatus, Long>> bySector = new LinkedHashMap<>();
        for (Document row : mongo.aggregate(counts, COLLECTION, Document.class)) {
            Document key = row.get("_id", Document.class);
            bySector.computeIfAbsent(key.getString("sector"), sector -> new EnumMap<>(CaseStatus.class))
                    .merge(CaseStatus.valueOf(key.getString("status")), ((Number) row.get("cases")).longValue(), Long::sum);
        }
        return bySector;
    }
}
