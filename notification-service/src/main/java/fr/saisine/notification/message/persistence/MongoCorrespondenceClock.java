package fr.saisine.notification.message.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import fr.saisine.events.ComplaintStatus;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.notification.message.domain.CorrespondenceClock;
import fr.saisine.platform.store.UniqueInserts;

/**
 * Two small collections keyed by reference. {@code case_letter_states} holds what the case is
 * (status, sector, assignee, version) and has one writer, the consumer of complaint-events, which sees a
 * case's events in order. {@code correspondence_clock} holds when its complainant was last
 * written to and whether it is closed, the two fields the progress check filters on; the consumer
 * and the progress check both write it. FerretDB 1.24 does not isolate concurrent updates
 * (docs/ferretdb.md), so a write there can be lost: a letter time lost is off by milliseconds, and
 * a closure lost is put right by the progress check, which trusts the state, not the clock.
 * Nothing here decides whether a letter is sent: that is the message's insert, keyed by its id.
 */
@Component
class MongoCorrespondenceClock implements CorrespondenceClock {

    static final String CLOCK = "correspondence_clock";
    static final String STATES = "case_letter_states";
    private static final String LAST_LETTER_AT = "lastLetterAt";
    private static final String CLOSED = "closed";

    private final MongoCollection<Document> clock;
    private final MongoCollection<Document> states;

    MongoCorrespondenceClock(MongoTemplate mongo) {
        this.clock = mongo.getCollection(CLOCK);
        this.states = mongo.getCollection(STATES);
        // what the progress check filters on: MongoDB answers from this index, FerretDB scans
        this.clock.createIndex(Indexes.ascending(CLOSED, LAST_LETTER_AT));
    }

    /** One insert in each collection for all of them; a case started already keeps what it has. */
    @Override
    public void startedAll(List<ComplaintTriaged> routed, Instant letterAt) {
        UniqueInserts.insertAll(clock, routed.stream().map(triaged -> new Document("_id", triaged.reference())
                .append(LAST_LETTER_AT, Date.from(letterAt)).append(CLOSED, false)).toList());
        UniqueInserts.insertAll(states, routed.stream().map(triaged -> new Document("_id", triaged.reference())
                .append("version", 1L).append("status", ComplaintStatus.TRIAGED.name())
                .append("sectorCode", triaged.sector().code())
                .append("sectorName", triaged.sector().name())).toList());
    }

    @Override
    public void changed(String reference, long version, ComplaintStatus status, String sectorCode, String sectorName,
            Instant letterAt) {
        Optional<CaseState> known = state(reference);
        if (known.isPresent() && known.get().version() >= version) {
            return; // a redelivery, or older than what the case already told us
        }
        ComplaintStatus now = status != null ? status : known.map(CaseState::status).orElse(null);
        if (now == null) {
            return; // a move before the case was triaged here: the triage will bring its sector
        }
        List<Bson> updates = new ArrayList<>();
        if (status != null) {
            updates.add(Updates.set(CLOSED, status == ComplaintStatus.CLOSED));
        }
        if (letterAt != null) {
            updates.add(Updates.set(LAST_LETTER_AT, Date.from(letterAt)));
        }
        if (!updates.isEmpty()) {
            clock.updateOne(Filters.eq("_id", reference), Updates.combine(updates), new UpdateOptions().upsert(true));
        }
        String code = sectorCode != null ? sectorCode : known.map(CaseState::sectorCode).orElse(null);
        boolean moved = sectorCode != null && known.map(CaseState::sectorCode).filter(c -> !c.equals(sectorCode))
                .isPresent();
        // written last: its version says the change was applied in full
        replaceState(reference, version, now, code, sectorName != null ? sectorName
                : known.map(CaseState::sectorName).orElse(null),
                moved ? null : known.map(CaseState::assignee).orElse(null));
    }

    @Override
    public void assigned(String reference, long version, String assignee) {
        Optional<CaseState> known = state(reference);
        if (known.isEmpty() || known.get().version() >= version) {
            return; // a redelivery, an older assignment, or a case not triaged here yet
        }
        CaseState state = known.get();
        replaceState(reference, version, state.status(), state.sectorCode(), state.sectorName(), assignee);
    }

    private void replaceState(String reference, long version, ComplaintStatus status, String sectorCode,
            String sectorName, String assignee) {
        states.replaceOne(Filters.eq("_id", reference), new Document("_id", reference).append("version", version)
                .append("status", status == null ? null : status.name()).append("sectorCode", sectorCode)
                .append("sectorName", sectorName).append("assignee", assignee), new ReplaceOptions().upsert(true));
    }

    @Override
    public void progressQueued(String reference, Instant letterAt) {
        clock.updateOne(Filters.eq("_id", reference), Updates.set(LAST_LETTER_AT, Date.from(letterAt)));
    }

    @Override
    public Optional<CaseState> state(String reference) {
        return Optional.ofNullable(states.find(Filters.eq("_id", reference)).first()).map(d -> {
            ComplaintStatus status = d.getString("status") == null ? null : ComplaintStatus.valueOf(d.getString("status"));
            return new CaseState(reference, ((Number) d.get("version")).longValue(), status, d.getString("sectorCode"),
                    d.getString("sectorName"), d.getString("assignee"), status == ComplaintStatus.CLOSED);
        });
    }

    @Override
    public Optional<Silence> silence(String reference) {
        return Optional.ofNullable(clock.find(Filters.eq("_id", reference)).first())
                .filter(d -> !d.getBoolean(CLOSED, false) && d.getDate(LAST_LETTER_AT) != null)
                .map(d -> new Silence(reference, d.getDate(LAST_LETTER_AT).toInstant()));
    }

    /** A filter other than {@code _id}: FerretDB scans the collection (one small document per case), MongoDB uses the index. */
    @Override
    public List<Silence> silentSince(Instant cutoff, int limit) {
        List<Silence> silent = new ArrayList<>();
        for (Document d : clock.find(Filters.and(Filters.eq(CLOSED, false), Filters.lt(LAST_LETTER_AT, Date.from(cutoff))))
                .limit(limit)) {
            silent.add(new Silence(d.getString("_id"), d.getDate(LAST_LETTER_AT).toInstant()));
        }
        return silent;
    }

    @Override
    public void closed(String reference) {
        clock.updateOne(Filters.eq("_id", reference), Updates.set(CLOSED, true));
    }
}
