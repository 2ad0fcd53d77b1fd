package fr.saisine.notification.message.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;

import fr.saisine.notification.message.domain.LetterErasure;
import fr.saisine.notification.message.sending.MailQueue;
import fr.saisine.platform.store.ByIds;

/**
 * Erases complaints' letters, each record by {@code _id}, each step one {@link ByIds} command for
 * all the complaints: the messages listed under each complaint ({@code complaint_messages}), read
 * and counted by kind and outcome first; their queue entries and claims; their versions and heads,
 * and the closing decisions' PDFs; then the listings and the complaints' clocks and states. The
 * listings go after the messages, so that a run stopped in the middle finds them again. What is
 * counted for each complaint was read before its deletion: a delete by {@code $in} answers one
 * count for all.
 */
@Component
class MongoLetterErasure implements LetterErasure {

    private static final String KEY = "_id";

    private final MongoTemplate mongo;
    private final MessageStore store;
    private final MailQueue queue;

    MongoLetterErasure(MongoTemplate mongo, MessageStore store, MailQueue queue) {
        this.mongo = mongo;
        this.store = store;
        this.queue = queue;
    }

    @Override
    public Map<String, ErasedLetters> eraseAll(Collection<String> references) {
        List<String> complaints = List.copyOf(new LinkedHashSet<>(references));
        if (complaints.isEmpty()) {
            return Map.of();
        }
        Map<String, String> complaintOf = new LinkedHashMap<>();
        for (Document listing : ByIds.read(collection(MongoMessages.BY_COMPLAINT), complaints,
                Projections.include("messageIds"))) {
            listing.getList("messageIds", String.class, List.of())
                    .forEach(id -> complaintOf.put(id, listing.getString(KEY)));
        }
        Map<String, MessageStore.Found> messages = store.findForErasure(complaintOf.keySet());
        Map<String, List<Instant>> attemptTimes = new LinkedHashMap<>();
        messages.forEach((id, message) -> attemptTimes.put(id, message.attemptTimes()));
        Set<String> queued = queue.eraseAll(attemptTimes);
        Map<String, Long> latest = new LinkedHashMap<>();
        complaintOf.keySet().forEach(id -> latest.put(id, messages.containsKey(id) ? messages.get(id).version() : 0L));
        store.eraseAll(latest);
        List<String> ids = List.copyOf(complaintOf.keySet());
        // a closing letter's PDF is kept under the message's own id
        Set<String> pdfs = existing(MongoDecisionPdfs.COLLECTION, ids);
        ByIds.delete(collection(MongoDecisionPdfs.COLLECTION), ids);
        ByIds.delete(collection(MongoMessages.BY_COMPLAINT), complaints);
        Set<String> clocks = existing(MongoCorrespondenceClock.CLOCK, complaints);
        ByIds.delete(collection(MongoCorrespondenceClock.CLOCK), complaints);
        ByIds.delete(collection(MongoCorrespondenceClock.STATES), complaints);
        return counted(complaints, complaintOf, messages, queued, pdfs, clocks);
    }

    /** What was found of each complaint before it was deleted, by reference. */
    private static Map<String, ErasedLetters> counted(List<String> complaints, Map<String, String> complaintOf,
            Map<String, MessageStore.Found> messages, Set<String> queued, Set<String> pdfs, Set<String> clocks) {
        Map<String, Map<String, Long>> erased = new HashMap<>();
        Map<String, Map<String, Long>> letters = new HashMap<>();
        messages.forEach((id, message) -> letters.computeIfAbsent(complaintOf.get(id), c -> new TreeMap<>())
                .merge(message.letter(), 1L, Long::sum));
        queued.forEach(id -> count(erased, complaintOf.get(id), "mail_queue"));
        messages.keySet().forEach(id -> count(erased, complaintOf.get(id), "messages"));
        pdfs.forEach(id -> count(erased, complaintOf.get(id), "decision_pdfs"));
        clocks.forEach(reference -> count(erased, reference, "correspondence_clock"));
        Map<String, ErasedLetters> result = new LinkedHashMap<>();
        complaints.forEach(reference -> result.put(reference, new ErasedLetters(
                erased.getOrDefault(reference, Map.of()), letters.getOrDefault(reference, Map.of()))));
        return result;
    }

    /** Of these ids, those with a document in the collection: one read of the {@code _id}s alone. */
    private Set<String> existing(String collection, List<String> ids) {
        return ByIds.read(collection(collection), ids, Projections.include(KEY)).stream()
                .map(document -> document.getString(KEY)).collect(Collectors.toSet());
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getCollection(name);
    }

    /** Kinds listed in the order of the erasure, as the answer shows them. */
    private static void count(Map<String, Map<String, Long>> erased, String reference, String kind) {
        erased.computeIfAbsent(reference, r -> new LinkedHashMap<>()).merge(kind, 1L, Long::sum);
    }
}
