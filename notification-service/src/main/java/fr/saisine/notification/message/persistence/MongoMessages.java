package fr.saisine.notification.message.persistence;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
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

    static final String BY_COMPLAINT = "complaint_messages";

    private final MessageStore store;
    private final MailQueue queue;
    private final MongoCollection<Document> byComplaint;

    MongoMessages(MongoTemplate mongo, MessageStore store, MailQueue queue) {
        this.store = store;
        this.queue = queue;
        this.byComplaint = mongo.getCollection(BY_COMPLAINT);
    }

    /** Queues before it stores: a crash in between leaves a queue entry the senders drop, never a lost letter. */
    @Override
    public boolean queue(OutgoingMessage message) {
        boolean enqueued = queue.enqueue(message.id(), message.createdAt());
        if (!store.add(message)) {
            if (enqueued) {
                queue.remove(message.id()); // the letter was already sent or failed
            }
            return false;
        }
        byComplaint.updateOne(Filters.eq("_id", message.reference()), Updates.addToSet("messageIds", message.id()),
                new UpdateOptions().upsert(true));
        queue.wakeUp();
        return true;
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
