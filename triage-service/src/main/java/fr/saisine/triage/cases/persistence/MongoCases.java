package fr.saisine.triage.cases.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import fr.saisine.events.CaseSummary;
import fr.saisine.events.ComplaintStatus;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.EventEnvelope;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.polling.JobLeases;
import fr.saisine.platform.store.ByIds;
import fr.saisine.platform.store.UniqueInserts;
import fr.saisine.platform.store.Versioned;
import fr.saisine.platform.store.VersionedStore;
import fr.saisine.triage.cases.domain.Case;
import fr.saisine.triage.cases.domain.CaseStatus;
import fr.saisine.triage.cases.domain.Cases;
import fr.saisine.triage.cases.domain.TriagedCase;

/**
 * Cases in MongoDB, through the platform's {@link VersionedStore}: each change a document of its
 * own, inserted against its unique {@code reference:version}, and a head per case read by
 * {@code _id}. What triage does for each complaint reads and writes by {@code _id} only, the one
 * lookup FerretDB serves without reading the whole collection (docs/ferretdb.md). The staff views
 * (queues, counts, search, related complaints) query nothing here: each version's summary goes out with it, to case-views, from which
 * every instance holds them in memory (views package).
 */
@Component
class MongoCases implements Cases {


    static final String COLLECTION = "cases";
    /** The retention schedule's read model: one document per day (UTC) of closing, {@code _id} "2026-12-07". */
    static final String CLOSINGS = "case_closings";
    /**
     * Each closing as a document of its own, {@code _id} "reference@millis", inserted against that
     * unique {@code _id}: on FerretDB an update is a read then a write without a lock, and closings
     * added to their day's document by concurrent {@code $addToSet}s lost a quarter of themselves
     * (./saisine bench --erase, 16 clients). One instance at a time folds them into the days.
     */
    static final String PENDING_CLOSINGS = "case_closings_pending";
    static final String FOLD_JOB = "retention-closings-fold";
    static final Duration FOLD_TERM = Duration.ofMinutes(10);

    private final MongoTemplate mongo;
    private final VersionedStore<TriagedCase> store;
    private final ApplicationEventPublisher stored;
    private final Clock clock;
    private final JobLeases leases;

    MongoCases(MongoTemplate mongo, Outbox outbox, OutboxRelay relay, ApplicationEventPublisher stored, Clock clock,
            JobLeases leases) {
        this.mongo = mongo;
        this.leases = leases;
        this.stored = stored;
        this.clock = clock;
        this.store = new VersionedStore<>(mongo, outbox, relay, COLLECTION, TriagedCase.class, clock);
    }

    /** A case ready to store, with the summary its version carries. */
    private record Prepared(String reference, VersionedStore.Creation<TriagedCase> creation, CaseSummary summary)
            implements NewCase {
    }

    @Override
    public NewCase newCase(TriagedCase triagedCase, EventEnvelope<ComplaintTriaged> announcement) {
        // the summary travels in the same insert as the version it describes: the views never miss one
        EventEnvelope<CaseSummary> summary = EventEnvelope.wrap(triagedCase.summary(1, announcement.occurredAt()),
                announcement.occurredAt());
        return new Prepared(triagedCase.reference(),
                store.creation(triagedCase.reference(), triagedCase, List.of(announcement, summary)), summary.payload());
    }

    @Override
    public Set<String> addAll(List<NewCase> newCases) {
        List<Prepared> prepared = newCases.stream().map(Prepared.class::cast).toList();
        Set<String> existed = store.createAll(prepared.stream().map(Prepared::creation).toList());
        Set<String> created = new HashSet<>();
        for (Prepared each : prepared) {
            if (!existed.contains(each.reference()) && created.add(each.reference())) {
                stored.publishEvent(each.summary());
            }
        }
        return existed;
    }

    @Override
    public Optional<Case> find(String reference) {
        return store.find(reference).map(v -> new Case(v.state(), v.version()));
    }

    @Override
    public Map<String, Case> findAll(Collection<String> references) {
        Map<String, Case> found = new LinkedHashMap<>();
        store.findAll(references).forEach((reference, v) -> found.put(reference, new Case(v.state(), v.version())));
        return found;
    }

    @Override
    public Map<String, Case> findAllLeavingHeads(Collection<String> references) {
        Map<String, Case> found = new LinkedHashMap<>();
        store.findAllLeavingHeads(references)
                .forEach((reference, v) -> found.put(reference, new Case(v.state(), v.version())));
        return found;
    }

    @Override
    public Set<String> saveAll(List<Case.Change> changes) {
        return save(changes, true);
    }

    @Override
    public Set<String> anonymiseAll(List<Case.Change> anonymisations) {
        return save(anonymisations, false);
    }

    private Set<String> save(List<Case.Change> changes, boolean movingHeads) {
        Instant now = clock.instant();
        List<VersionedStore.Append<TriagedCase>> appends = new ArrayList<>();
        Map<String, CaseSummary> summaries = new LinkedHashMap<>();
        List<Document> closings = new ArrayList<>();
        for (Case.Change change : changes) {
            List<EventEnvelope<?>> events = new ArrayList<>();
            change.events().forEach(event -> events.add(EventEnvelope.wrap(event, now)));
            CaseSummary summary = change.state().summary(change.version(), now);
            events.add(EventEnvelope.wrap(summary, now));
            String reference = change.state().reference();
            Instant closedAt = closedBy(change);
            if (closedAt != null) {
                closings.add(closing(reference, closedAt));
            }
            appends.add(new VersionedStore.Append<>(reference, change.version(), change.state(), events));
            summaries.put(reference, summary);
        }
        if (!closings.isEmpty()) {
            // before the versions: a crash in between leaves a closing of a case still open, which the
            // retention run checks and passes over, never a closed case that no closing lists
            UniqueInserts.insertAll(mongo.getCollection(PENDING_CLOSINGS), closings);
        }
        Set<String> taken = movingHeads ? store.appendAll(appends) : store.appendAllLeavingHeads(appends);
        // this instance's own views see the changes at once: the page after a change shows it
        summaries.forEach((reference, summary) -> {
            if (!taken.contains(reference)) {
                stored.publishEvent(summary);
            }
        });
        return taken;
    }

    /** The closing this change makes (a status change to CLOSED: its last step), or null for any other change. */
    private static Instant closedBy(Case.Change change) {
        TriagedCase state = change.state();
        boolean closes = change.events().stream().anyMatch(event -> event instanceof ComplaintStatusChanged moved
                && moved.to() == ComplaintStatus.CLOSED);
        if (!closes || state.status() != CaseStatus.CLOSED || state.history().isEmpty()) {
            return null;
        }
        return state.history().getLast().at();
    }

    private static String day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    /** The closing's own document: a redelivery or a retry inserts nothing twice. */
    private static Document closing(String reference, Instant closedAt) {
        return new Document("_id", reference + "@" + closedAt.toEpochMilli()).append("reference", reference)
                .append("day", day(closedAt));
    }

    /**
     * Moves the closings recorded since the last fold into their days' documents, on the instance
     * holding the fold's lease only: two folders at once could overwrite each other's additions. A
     * closing's own document goes once its day, read back, lists it. The pending closings are found
     * by reading the collection whole (FerretDB), which the folds keep to a few minutes' closings.
     */
    private void foldClosings() {
        if (!leases.held(FOLD_JOB, FOLD_TERM)) {
            return;
        }
        MongoCollection<Document> pending = mongo.getCollection(PENDING_CLOSINGS);
        Map<String, List<Document>> byDay = new TreeMap<>();
        for (Document closing : pending.find()) {
            byDay.computeIfAbsent(closing.getString("day"), day -> new ArrayList<>()).add(closing);
        }
        MongoCollection<Document> days = mongo.getCollection(CLOSINGS);
        byDay.forEach((day, closings) -> {
            List<String> references = closings.stream().map(closing -> closing.getString("reference")).distinct().toList();
            days.updateOne(Filters.eq("_id", day), Updates.addEachToSet("references", references),
                    new UpdateOptions().upsert(true));
            Document listed = days.find(Filters.eq("_id", day)).first();
            Set<String> listedReferences = listed == null ? Set.of()
                    : new HashSet<>(listed.getList("references", String.class, List.of()));
            List<Object> folded = closings.stream().filter(closing -> listedReferences.contains(closing.getString("reference")))
                    .map(closing -> closing.get("_id")).toList();
            ByIds.delete(pending, folded);
        });
    }

    @Override
    public Optional<LocalDate> earliestUnlistedClosing() {
        Document earliest = mongo.getCollection(PENDING_CLOSINGS).find().sort(new Document("day", 1)).limit(1).first();
        return Optional.ofNullable(earliest).map(closing -> LocalDate.parse(closing.getString("day")));
    }

    @Override
    public Map<LocalDate, Set<String>> closedOn(Collection<LocalDate> days) {
        foldClosings();
        Map<LocalDate, Set<String>> closed = new LinkedHashMap<>();
        ByIds.read(mongo.getCollection(CLOSINGS), days.stream().map(LocalDate::toString).toList(), null)
                .forEach(day -> closed.put(LocalDate.parse(day.getString("_id")),
                        new LinkedHashSet<>(day.getList("references", String.class, List.of()))));
        return closed;
    }

    @Override
    public Map<String, Map<String, Long>> eraseHistoryAll(List<Case> anonymised) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        store.eraseHistoryAll(anonymised.stream()
                .map(each -> new Versioned<>(each.state().reference(), each.version(), each.state())).toList())
                .forEach((reference, erased) -> {
                    Map<String, Long> byKind = new LinkedHashMap<>();
                    if (erased.head() > 0) {
                        byKind.put("cases", erased.head());
                    }
                    if (erased.versions() > 0) {
                        byKind.put("case_versions", erased.versions());
                    }
                    counts.put(reference, byKind);
                });
        return counts;
    }
}
