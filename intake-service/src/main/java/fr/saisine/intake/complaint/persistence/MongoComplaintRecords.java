package fr.saisine.intake.complaint.persistence;

import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.ErasureRule;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.PersonalDataErased;
import fr.saisine.intake.attachment.persistence.NamedAttachments;
import fr.saisine.intake.complaint.domain.ComplaintRecords;
import fr.saisine.intake.complaint.domain.ErasedComplaint;
import fr.saisine.intake.complaint.domain.Reference;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxEntry;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.store.ByIds;
import fr.saisine.platform.store.UpdateBatches;
import fr.saisine.platform.store.VersionedStore;

/**
 * Complaints as filed, through the platform's {@link VersionedStore}: the complaint and its
 * {@code ComplaintSubmitted} in one insert, unique on the reference, which is what makes a
 * reference taken. An erased complaint's document stays, as its tombstone ({@code erased}, no
 * {@code state}, its {@code outbox} now the answers to the erasure orders): the reference stays
 * taken, and the relay publishes the answers as it published the filing.
 */
@Component
class MongoComplaintRecords implements ComplaintRecords {

    static final String COLLECTION = "complaints";
    static final String ERASED = "erased";

    private final VersionedStore<ComplaintSubmitted> store;
    private final MongoTemplate mongo;
    private final MongoCollection<Document> heads;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    MongoComplaintRecords(MongoTemplate mongo, Outbox outbox, OutboxRelay relay, Clock clock) {
        this.store = new VersionedStore<>(mongo, outbox, relay, COLLECTION, ComplaintSubmitted.class, clock);
        this.mongo = mongo;
        this.heads = mongo.getCollection(COLLECTION);
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    @Override
    public boolean add(EventEnvelope<ComplaintSubmitted> submitted) {
        return store.create(submitted.reference(), submitted.payload(), List.of(submitted));
    }

    /** The head read once, as {@link VersionedStore#find} reads it, but a tombstone is no complaint. */
    @Override
    public Optional<ComplaintSubmitted> find(Reference reference) {
        Document head = heads.find(Filters.eq("_id", reference.value())).first();
        if (head == null || head.containsKey(ERASED)) {
            return Optional.empty();
        }
        ComplaintSubmitted state = mongo.getConverter().read(ComplaintSubmitted.class, head.get("state", Document.class));
        return Optional.of(store.latest(reference.value(), VersionedStore.versionOf(head), state).state());
    }

    @Override
    public Set<String> attachmentsNamed(Collection<String> attachmentIds) {
        return NamedAttachments.in(mongo.getCollection(COLLECTION), attachmentIds);
    }

    @Override
    public Map<String, ErasedComplaint> erasedAll(Collection<String> references) {
        Map<String, ErasedComplaint> erased = new HashMap<>();
        ByIds.read(heads, references, Projections.include(ERASED)).stream().filter(head -> head.containsKey(ERASED))
                .forEach(head -> erased.put(head.getString("_id"),
                        tombstoneOf(head.getString("_id"), head.get(ERASED, Document.class))));
        return erased;
    }

    @Override
    public Map<String, ComplaintSubmitted> findAll(Collection<String> references) {
        Map<String, ComplaintSubmitted> found = new HashMap<>();
        List<String> filed = ByIds.read(heads, references, Projections.include(ERASED)).stream()
                .filter(head -> !head.containsKey(ERASED)).map(head -> head.getString("_id")).toList();
        store.findAll(filed).forEach((reference, complaint) -> found.put(reference, complaint.state()));
        return found;
    }

    @Override
    public Set<String> erasedAmong(Collection<String> references) {
        if (references.isEmpty()) {
            return Set.of();
        }
        return ByIds.read(heads, references, Projections.include(ERASED)).stream()
                .filter(head -> head.containsKey(ERASED)).map(head -> head.getString("_id"))
                .collect(Collectors.toSet());
    }

    /**
     * The marker first, then the document replaced whole (upserted: an order for a reference never
     * filed here leaves a tombstone too, which keeps it from being given). Only the consumer of the
     * reference's partition writes it, so the replace races nobody.
     */
    @Override
    public void tombstoneAll(List<Tombstone> tombstones) {
        if (tombstones.isEmpty()) {
            return;
        }
        Map<String, List<OutboxEntry>> entries = new LinkedHashMap<>();
        tombstones.forEach(each -> entries.put(each.erased().reference(), outbox.entries(List.of(each.answer()))));
        outbox.markAll(COLLECTION, entries);
        Date at = Date.from(clock.instant());
        UpdateBatches.write(heads, tombstones.stream().<WriteModel<Document>>map(each -> {
            ErasedComplaint tombstone = each.erased();
            return new ReplaceOneModel<>(Filters.eq("_id", tombstone.reference()), new Document("_id", tombstone.reference())
                    .append("version", 1L)
                    .append(ERASED, new Document("at", Date.from(tombstone.erasedAt()))
                            .append("rule", tombstone.rule().name()).append("runId", tombstone.runId())
                            .append("orders", tombstone.orders()))
                    .append(Outbox.FIELD, entries.get(tombstone.reference()).stream().map(OutboxEntry::asDocument).toList())
                    .append("at", at), new ReplaceOptions().upsert(true));
        }).toList(), false);
        relay.wakeUp();
    }

    @Override
    public void answerAgain(String reference, String orderId, EventEnvelope<PersonalDataErased> answer) {
        List<OutboxEntry> entries = outbox.prepare(COLLECTION, reference, List.of(answer));
        heads.updateOne(Filters.eq("_id", reference), Updates.combine(
                Updates.pushEach(Outbox.FIELD, entries.stream().map(OutboxEntry::asDocument).toList()),
                Updates.push(ERASED + ".orders", orderId)));
        relay.wakeUp();
    }

    private static ErasedComplaint tombstoneOf(String reference, Document erased) {
        return new ErasedComplaint(reference, erased.getDate("at").toInstant(), ErasureRule.valueOf(erased.getString("rule")),
                erased.getString("runId"), erased.getList("orders", String.class, List.of()));
    }
}
