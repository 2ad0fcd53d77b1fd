package fr.saisine.notification.message.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;

import fr.saisine.notification.message.domain.LetterErasure;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.notification.message.sending.MailQueue;
import fr.saisine.platform.store.ByIds;

/**
 * Erases a complaint's letters, each record by {@code _id}: the messages listed under the complaint
 * ({@code complaint_messages}), counted by kind and outcome first; their queue entries and claims;
 * their versions and heads, and the closing decisions' PDFs; then the listing and the complaint's clock and state. The listing goes
 * after the messages, so that a run stopped in the middle finds them again.
 */
@Component
class MongoLetterErasure implements LetterErasure {

    private final MongoTemplate mongo;
    private final MessageStore store;
    private final MailQueue queue;

    MongoLetterErasure(MongoTemplate mongo, MessageStore store, MailQueue queue) {
        this.mongo = mongo;
        this.store = store;
        this.queue = queue;
    }

    @Override
    public ErasedLetters eraseAll(String reference) {
        Document listing = mongo.getCollection(MongoMessages.BY_COMPLAINT).find(Filters.eq("_id", reference)).first();
        List<String> ids = listing == null ? List.of() : listing.getList("messageIds", String.class, List.of());
        Map<String, Long> letters = new TreeMap<>();
        store.findAll(ids).values().forEach(message -> {
            OutgoingMessage letter = message.state();
            letters.merge(letter.kind() + "/" + letter.status(), 1L, Long::sum);
        });
        Map<String, Long> erased = new LinkedHashMap<>();
        count(erased, "mail_queue", queue.eraseAll(store.attemptTimes(ids)));
        count(erased, "messages", store.eraseAll(ids));
        // a closing letter's PDF is kept under the message's own id
        count(erased, "decision_pdfs", ByIds.delete(mongo.getCollection(MongoDecisionPdfs.COLLECTION), ids));
        mongo.getCollection(MongoMessages.BY_COMPLAINT).deleteOne(Filters.eq("_id", reference));
        long clock = mongo.getCollection(MongoCorrespondenceClock.CLOCK).deleteOne(Filters.eq("_id", reference))
                .getDeletedCount();
        mongo.getCollection(MongoCorrespondenceClock.STATES).deleteOne(Filters.eq("_id", reference));
        count(erased, "correspondence_clock", clock);
        return new ErasedLetters(erased, letters);
    }

    private static void count(Map<String, Long> erased, String kind, long count) {
        if (count > 0) {
            erased.merge(kind, count, Long::sum);
        }
    }
}
