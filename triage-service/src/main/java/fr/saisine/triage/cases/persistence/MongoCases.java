package fr.saisine.triage.cases.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.EventEnvelope;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.store.VersionedStore;
import fr.saisine.triage.cases.domain.Case;
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
        boolean saved = store.append(change.state().reference(), change.version(), change.state(), events);
        if (saved) {
            // this instance's own views see the change at once: the page after a change shows it
            stored.publishEvent(summary);
        }
        return saved;
    }
}
