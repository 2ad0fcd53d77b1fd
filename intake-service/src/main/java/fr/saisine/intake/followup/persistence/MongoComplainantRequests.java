package fr.saisine.intake.followup.persistence;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.events.Event;
import fr.saisine.events.EventEnvelope;
import fr.saisine.intake.attachment.persistence.NamedAttachments;
import fr.saisine.intake.followup.domain.ComplainantRequests;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.store.ByIds;
import fr.saisine.platform.store.VersionedStore;

/**
 * The complainants' requests through the platform's {@link VersionedStore}: each one a document,
 * {@code _id} its natural key, written with its event in one insert, which the relay publishes to
 * complaint-events. The insert that loses (a second answer to one question) is refused.
 */
@Component
public class MongoComplainantRequests implements ComplainantRequests {

    /** Where the relay finds the requests' events. */
    public static final String COLLECTION = "follow_up_requests";

    /**
     * The request as kept: the event it carries says what it is; the files sent with it stay here,
     * for downloads, after the event has left.
     */
    record StoredRequest(String type, String reference, List<Attachment> attachments) {

        StoredRequest {
            attachments = attachments == null ? List.of() : attachments;
        }
    }

    private final VersionedStore<StoredRequest> store;
    private final MongoTemplate mongo;
    private final Clock clock;

    MongoComplainantRequests(MongoTemplate mongo, Outbox outbox, OutboxRelay complaintOutboxRelay, Clock clock) {
        this.store = new VersionedStore<>(mongo, outbox, complaintOutboxRelay, COLLECTION, StoredRequest.class, clock);
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public boolean record(String id, Event request, List<Attachment> attachments) {
        var envelope = EventEnvelope.wrap(request, clock.instant());
        return store.create(id, new StoredRequest(envelope.type(), request.reference(), attachments), List.of(envelope));
    }

    @Override
    public boolean exists(String id) {
        return mongo.getCollection(COLLECTION).find(Filters.eq("_id", id)).first() != null;
    }

    @Override
    public Set<String> attachmentsNamed(Collection<String> attachmentIds) {
        return NamedAttachments.in(mongo.getCollection(COLLECTION), attachmentIds);
    }

    @Override
    public Set<String> existing(Collection<String> ids) {
        return ByIds.read(mongo.getCollection(COLLECTION), ids, Projections.include("_id")).stream()
                .map(d -> d.getString("_id")).collect(Collectors.toSet());
    }

    /**
     * Requests are never given a second version, so their documents are all there is; deleted by
     * {@code _id} ({@code $in}, at most a case's versions and closures, and its link requests). A
     * request whose event was not published yet loses it: its marker is dropped as an orphan.
     */
    @Override
    public long erase(Collection<String> ids) {
        return ByIds.delete(mongo.getCollection(COLLECTION), List.copyOf(ids));
    }

    @Override
    public Map<String, List<Attachment>> attachmentsOf(Collection<String> ids) {
        Map<String, List<Attachment>> files = new HashMap<>();
        store.findAll(ids).forEach((id, request) -> {
            if (!request.state().attachments().isEmpty()) {
                files.put(id, request.state().attachments());
            }
        });
        return files;
    }
}
