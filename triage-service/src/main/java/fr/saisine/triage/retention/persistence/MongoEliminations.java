package fr.saisine.triage.retention.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import fr.saisine.events.ErasureRule;
import fr.saisine.events.PersonalDataErased;
import fr.saisine.platform.store.ByIds;
import fr.saisine.platform.store.UniqueInserts;
import fr.saisine.triage.retention.domain.EliminationRecord;
import fr.saisine.triage.retention.domain.Eliminations;

/**
 * The elimination records, one document per run ({@code retention_eliminations}, {@code _id} the run
 * id, which starts with its time: newest first by {@code _id}); the answers, one document each,
 * inserted against their unique {@code <run>/<reference>/<service>} (many consumers answer at once,
 * and FerretDB would lose concurrent updates of one document: docs/ferretdb.md), read back by
 * {@code _id}; and the run's progress, one document. Each run document is written by its run, then by
 * the one reorder check that holds the lease: one writer at a time. Listing and finding the
 * incomplete runs reads the records' collection, one small document per day.
 */
@Component
class MongoEliminations implements Eliminations {

    static final String RECORDS = "retention_eliminations";
    static final String ANSWERS = "retention_answers";
    static final String PROGRESS = "retention_progress";
    static final String AFTER_CLOSING = "after-closing";

    private final MongoTemplate mongo;

    MongoEliminations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void start(String runId, ErasureRule rule, Instant startedAt, String period, Instant cutoff,
            String auditLogPeriod, List<String> services, String reason) {
        records().insertOne(new Document("_id", runId).append("reason", reason).append("rule", rule.name()).append("startedAt", date(startedAt))
                .append("period", period).append("cutoff", date(cutoff)).append("auditLogPeriod", auditLogPeriod)
                .append("services", services).append("erased", List.of()).append("skippedUnderLegalHold", List.of())
                .append("auditRecordsDeleted", 0L).append("orders", 0).append("complete", false));
    }

    @Override
    public void addErased(String runId, Collection<String> references, Instant orderedAt) {
        records().updateOne(Filters.eq("_id", runId), Updates.combine(Updates.addEachToSet("erased",
                List.copyOf(references)), Updates.set("orders", 1), Updates.set("lastOrderedAt", date(orderedAt))));
    }

    @Override
    public void finish(String runId, Instant finishedAt, List<String> skippedUnderLegalHold, long auditRecordsDeleted) {
        records().updateOne(Filters.eq("_id", runId), Updates.combine(Updates.set("finishedAt", date(finishedAt)),
                Updates.set("skippedUnderLegalHold", skippedUnderLegalHold),
                Updates.set("auditRecordsDeleted", auditRecordsDeleted)));
    }

    @Override
    public void recordAnswers(List<PersonalDataErased> answers) {
        // answered before (a reorder, a redelivery): the first answer, with its counts, stands
        UniqueInserts.insertAll(answers(), answers.stream().map(answer -> new Document("_id",
                answerId(answer.runId(), answer.reference(), answer.service())).append("runId", answer.runId())
                .append("reference", answer.reference()).append("service", answer.service())
                .append("erased", new Document(answer.erased() == null ? Map.of() : answer.erased()))
                .append("erasedAt", date(answer.erasedAt()))).toList());
    }

    @Override
    public Optional<EliminationRecord> find(String runId) {
        Document run = records().find(Filters.eq("_id", runId)).first();
        if (run == null) {
            return Optional.empty();
        }
        List<String> erased = run.getList("erased", String.class, List.of());
        List<String> services = run.getList("services", String.class, List.of());
        Map<String, List<String>> answered = new TreeMap<>();
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        services.forEach(service -> answered.put(service, new ArrayList<>()));
        List<String> ids = new ArrayList<>();
        erased.forEach(reference -> services.forEach(service -> ids.add(answerId(runId, reference, service))));
        for (Document answer : ByIds.read(answers(), ids, null)) {
            String service = answer.getString("service");
            answered.computeIfAbsent(service, s -> new ArrayList<>()).add(answer.getString("reference"));
            Map<String, Long> byKind = counts.computeIfAbsent(service, s -> new TreeMap<>());
            answer.get("erased", new Document()).forEach((kind, count) ->
                    byKind.merge(kind, ((Number) count).longValue(), Long::sum));
        }
        answered.values().forEach(list -> list.sort(null));
        Map<String, List<String>> unanswered = new TreeMap<>();
        for (String service : services) {
            Set<String> done = new LinkedHashSet<>(answered.getOrDefault(service, List.of()));
            unanswered.put(service, erased.stream().filter(reference -> !done.contains(reference)).sorted().toList());
        }
        return Optional.of(record(run, answered, unanswered, counts));
    }

    @Override
    public List<EliminationRecord> list(int page, int size) {
        List<EliminationRecord> records = new ArrayList<>();
        for (Document run : records().find().sort(Sorts.descending("_id")).skip(page * size).limit(size)) {
            Map<String, Map<String, Long>> counts = new TreeMap<>();
            run.get("counts", new Document()).forEach((service, byKind) -> {
                Map<String, Long> kinds = new TreeMap<>();
                ((Document) byKind).forEach((kind, count) -> kinds.put(kind, ((Number) count).longValue()));
                counts.put(service, kinds);
            });
            records.add(record(run, Map.of(), Map.of(), counts));
        }
        return records;
    }

    private static EliminationRecord record(Document run, Map<String, List<String>> answered,
            Map<String, List<String>> unanswered, Map<String, Map<String, Long>> counts) {
        Map<String, Long> totals = new TreeMap<>();
        counts.values().forEach(byKind -> byKind.forEach((kind, count) -> totals.merge(kind, count, Long::sum)));
        return new EliminationRecord(run.getString("_id"), ErasureRule.valueOf(run.getString("rule")),
                instant(run.getDate("startedAt")), instant(run.getDate("finishedAt")), run.getString("period"),
                instant(run.getDate("cutoff")), run.getList("erased", String.class, List.of()),
                run.getList("skippedUnderLegalHold", String.class, List.of()),
                ((Number) run.get("auditRecordsDeleted", 0L)).longValue(), run.getString("auditLogPeriod"),
                run.getList("services", String.class, List.of()), answered, unanswered, counts, totals,
                ((Number) run.get("orders", 0)).intValue(), instant(run.getDate("lastOrderedAt")),
                instant(run.getDate("completedAt")), run.getString("reason"));
    }

    @Override
    public List<String> incomplete() {
        List<String> runs = new ArrayList<>();
        records().find(Filters.eq("complete", false)).projection(new Document("_id", 1))
                .forEach(run -> runs.add(run.getString("_id")));
        return runs;
    }

    @Override
    public void markReordered(String runId, Instant at) {
        records().updateOne(Filters.eq("_id", runId), Updates.combine(Updates.inc("orders", 1),
                Updates.set("lastOrderedAt", date(at))));
    }

    /** With the counts of every answer, so that the list shows them without reading the answers again. */
    @Override
    public void markComplete(String runId, Instant at) {
        Document counts = new Document();
        find(runId).ifPresent(run -> run.counts().forEach((service, byKind) -> counts.append(service,
                new Document(new LinkedHashMap<>(byKind)))));
        records().updateOne(Filters.eq("_id", runId), Updates.combine(Updates.set("complete", true),
                Updates.set("completedAt", date(at)), Updates.set("counts", counts)));
    }

    @Override
    public Progress progress() {
        Document progress = mongo.getCollection(PROGRESS).find(Filters.eq("_id", AFTER_CLOSING)).first();
        if (progress == null) {
            return new Progress(null, Set.of());
        }
        String lastDay = progress.getString("lastDay");
        return new Progress(lastDay == null ? null : LocalDate.parse(lastDay),
                new LinkedHashSet<>(progress.getList("held", String.class, List.of())));
    }

    @Override
    public void saveProgress(Progress progress) {
        mongo.getCollection(PROGRESS).replaceOne(Filters.eq("_id", AFTER_CLOSING),
                new Document("_id", AFTER_CLOSING).append("lastDay", progress.lastDay().toString())
                        .append("held", List.copyOf(progress.held())),
                new ReplaceOptions().upsert(true));
    }

    static String answerId(String runId, String reference, String service) {
        return runId + "/" + reference + "/" + service;
    }

    private MongoCollection<Document> records() {
        return mongo.getCollection(RECORDS);
    }

    private MongoCollection<Document> answers() {
        return mongo.getCollection(ANSWERS);
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Date at) {
        return at == null ? null : at.toInstant();
    }
}
