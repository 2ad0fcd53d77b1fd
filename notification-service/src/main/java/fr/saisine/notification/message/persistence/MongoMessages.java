package fr.saisine.notification.message.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import fr.saisine.notification.message.domain.Messages.TracedLetter;
import fr.saisine.notification.message.domain.Messages;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.notification.message.sending.MailQueue;
import fr.saisine.platform.logging.LogSafe;
import fr.saisine.platform.store.UpdateBatches;
import fr.saisine.platform.store.Versioned;
import fr.saisine.platform.tracing.EventTracing;

/**
 * Messages in MongoDB, read and written by {@code _id} only (docs/ferretdb.md): a complaint's
 * messages are listed in one document per complaint, and due messages in the mail queue.
 */
@Component
class MongoMessages implements Messages {

    private static final Logger log = LoggerFactory.getLogger(MongoMessages.class);

    static final String BY_COMPLAINT = "complaint_messages";

    private final MessageStore store;
    private final MailQueue queue;
    private final EventTracing tracing;
    private final MongoCollection<Document> byComplaint;

    MongoMessages(MongoTemplate mongo, MessageStore store, MailQueue queue, EventTracing tracing) {
        this.store = store;
        this.queue = queue;
        this.tracing = tracing;
        this.byComplaint = mongo.getCollection(BY_COMPLAINT);
    }

    @Override
    public List<OutgoingMessage> queueAll(List<OutgoingMessage> messages) {
        String traceparent = tracing.current();
        return queueTraced(messages.stream().map(message -> new TracedLetter(message, traceparent)).toList());
    }

    /**
     * Stores the messages, then queues them, so that a sender never finds an entry whose message
     * is not there yet: one insert each, whatever the number of letters and complaints. A crash in
     * between leaves messages stored and not queued: the event is redelivered (the consumer's
     * offset is committed once this returns), and a message found stored and not done is queued
     * again, an insert on its id that does nothing when it is queued already. The listings are
     * written on every delivery too, for a crash may have come before them: {@code $addToSet}
     * makes a second write of one change nothing.
     */
    @Override
    public List<OutgoingMessage> queueTraced(List<TracedLetter> letters) {
        if (letters.isEmpty()) {
            return List.of();
        }
        Set<String> stored = store.addAll(letters.stream().map(TracedLetter::message).toList());
        List<OutgoingMessage> existing = new ArrayList<>();
        List<TracedLetter> fresh = new ArrayList<>();
        boolean queued = false;
        for (TracedLetter letter : letters) {
            if (stored.contains(letter.message().id())) {
                existing.add(letter.message());
                queued |= queueAgainUnlessDone(letter);
            }
            else {
                fresh.add(letter);
            }
        }
        queued |= queue.enqueueAll(fresh) > 0;
        if (queued) {
            queue.wakeUp();
        }
        listUnderTheirComplaints(letters);
        return existing;
    }

    /** One upsert a complaint, all in one command; by {@code _id}, which FerretDB finds without a scan. */
    private void listUnderTheirComplaints(List<TracedLetter> letters) {
        Map<String, List<String>> idsByComplaint = new LinkedHashMap<>();
        for (TracedLetter letter : letters) {
            idsByComplaint.computeIfAbsent(letter.message().reference(), reference -> new ArrayList<>())
                    .add(letter.message().id());
        }
        UpdateBatches.write(byComplaint, idsByComplaint.entrySet().stream()
                .<WriteModel<Document>>map(listing -> new UpdateOneModel<>(Filters.eq("_id", listing.getKey()),
                        Updates.addEachToSet("messageIds", listing.getValue()), new UpdateOptions().upsert(true)))
                .toList(), false);
    }

    private boolean queueAgainUnlessDone(TracedLetter redelivered) {
        String id = redelivered.message().id();
        boolean pending = store.find(id).filter(stored -> !stored.state().isDone()).isPresent();
        if (pending && queue.enqueue(id, redelivered.message().createdAt(), redelivered.traceparent())) {
            tracing.continueTrace(redelivered.traceparent(), "queue letter", redelivered.message().reference(),
                    () -> log.info("message {} was stored but not queued (a crash in between): queued now",
                            LogSafe.id(id)));
            return true;
        }
        return false;
    }

    @Override
    public List<OutgoingMessage> forComplaint(String reference) {
        Document ids = byComplaint.find(Filters.eq("_id", reference)).first();
        if (ids == null) {
            return List.of();
        }
        return ids.getList("messageIds", String.class, List.of()).stream()
                .map(store::find)
                .flatMap(Optional::stream)
                .map(Versioned::state)
                .sorted(Comparator.comparing(OutgoingMessage::createdAt).thenComparing(OutgoingMessage::id))
                .toList();
    }
}
