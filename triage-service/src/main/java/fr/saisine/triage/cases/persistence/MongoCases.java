package fr.saisine.triage.cases.persistence;

import java.time.Clock;
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

import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

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
import fr.saisine.platform.store.ByIds;
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
    static final int CLOSING_ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final VersionedStore<TriagedCase> store;
    private final ApplicationEventPublisher stored;
    private final Clock clock;

    MongoCases(MongoTemplate mongo, Outbox outbox, OutboxRelay relay, ApplicationEventPublisher stored, Clock clock) {
        this.mongo = mongo;
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
    public boolean save(Case.Change change) {
        Instant now = clock.instant();
        List<EventEnvelope<?>> events = new ArrayList<>();
        change.events().forEach(event -> events.add(EventEnvelope.wrap(event, now)));
        CaseSummary summary = change.state().summary(change.version(), now);
        events.add(EventEnvelope.wrap(summary, now));
        String reference = change.state().reference();
        Instant closedAt = closedBy(change);
        if (closedAt != null) {
            // before the version: a crash in between leaves a day listing a case still open, which the
            // retention run checks and passes over, never a closed case that no day lists
            recordClosing(reference, closedAt);
        }
        boolean saved = store.append(change.state().reference(), change.version(), change.state(), events);
        if (saved) {
            // this instance's own views see the change at once: the page after a change shows it
            stored.publishEvent(summary);
            if (closedAt != null) {
                confirmClosing(reference, closedAt);
            }
        }
        return saved;
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

    /** $addToSet on the day's document: a redelivery or a retry adds nothing twice. */
    private void recordClosing(String reference, Instant closedAt) {
        mongo.getCollection(CLOSINGS).updateOne(Filters.eq("_id", day(closedAt)),
                Updates.addToSet("references", reference), new UpdateOptions().upsert(true));
    }

    /**
     * FerretDB applies an update by reading then writing without a lock (docs/ferretdb.md): two
     * closings on the same day at the same moment may each write the list without the other's
     * reference. Reading the day back after the write, and adding again what is missing, closes
     * most of that window; what might still slip through is said in docs/operations.md.
     */
    private void confirmClosing(String reference, Instant closedAt) {
        for (int attempt = 1; attempt <= CLOSING_ATTEMPTS; attempt++) {
            Document day = mongo.getCollection(CLOSINGS).find(Filters.eq("_id", day(closedAt))).first();
            if (day != null && day.getList("references", String.class, List.of()).contains(reference)) {
                return;
            }
            recordClosing(reference, closedAt);
        }
    }

    @Override
    public Map<LocalDate, Set<String>> closedOn(Collection<LocalDate> days) {
        Map<LocalDate, Set<String>> closed = new LinkedHashMap<>();
        ByIds.read(mongo.getCollection(CLOSINGS), days.stream().map(LocalDate::toString).toList(), null)
                .forEach(day -> closed.put(LocalDate.parse(day.getString("_id")),
                        new LinkedHashSet<>(day.getList("references", String.class, List.of()))));
        return closed;
    }

    @Override
    public Map<String, Long> eraseHistory(Case anonymised) {
        VersionedStore.Erased erased = store.eraseHistory(anonymised.state().reference(), anonymised.version(),
                anonymised.state());
        Map<String, Long> counts = new LinkedHashMap<>();
        if (erased.head() > 0) {
            counts.put("cases", erased.head());
        }
        if (erased.versions() > 0) {
            counts.put("case_versions", erased.versions());
        }
        return counts;
    }

}
