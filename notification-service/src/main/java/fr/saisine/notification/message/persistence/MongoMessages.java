package fr.saisine.notification.message.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import fr.saisine.notification.message.domain.Messages;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.notification.message.sending.MailQueue;
import fr.saisine.platform.store.Versioned;

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
    private final MongoCollection<Document> byComplaint;

    MongoMessages(MongoTemplate mongo, MessageStore store, MailQueue queue) {
        this.store = store;
        this.queue = queue;
        this.byComplaint = mongo.getCollection(BY_COMPLAINT);
    }

    /**
     * Stores each message, then queues it, so that a sender never finds an entry whose message is
     * not there yet. A crash in between leaves a message stored and not queued: the event is
     * redelivered (the consumer's offset is committed once this returns), and a message found
     * stored and not done is queued again, an insert on its id that does nothing when it is
     * queued already. The listing is written on every delivery too, for a crash may have come
     * before it: {@code $addToSet} makes a second write of it change nothing.
     */
    @Override
    public List<OutgoingMessage> queueAll(List<OutgoingMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<OutgoingMessage> existing = new ArrayList<>();
        boolean queued = false;
        for (OutgoingMessage message : messages) {
            if (store.add(message)) {
                queued |= queue.enqueue(message.id(), message.createdAt());
            }
            else {
                existing.add(message);
                queued |= queueAgainUnlessDone(message);
            }
        }
        if (queued) {
            queue.wakeUp();
        }
        byComplaint.updateOne(Filters.eq("_id", messages.getFirst().reference()),
                Updates.addEachToSet("messageIds", messages.stream().map(OutgoingMessage::id).toList()),
                new UpdateOptions().upsert(true));
        return existing;
    }

    private boolean queueAgainUnlessDone(OutgoingMessage redelivered) {
        boolean pending = store.find(redelivered.id()).filter(stored -> !stored.state().isDone()).isPresent();
        if (pending && queue.enqueue(redelivered.id(), redelivered.createdAt())) {
            log.info("message {} was stored but not queued (a crash in between): queued now", redelivered.id());
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
