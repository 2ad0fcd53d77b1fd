package fr.saisine.triage.cases.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import fr.saisine.events.Event;
import fr.saisine.events.MessageKind;
import fr.saisine.events.NotificationDelivered;
import fr.saisine.events.NotificationFailed;
import fr.saisine.platform.store.ByIds;
import fr.saisine.platform.store.UpdateBatches;
import fr.saisine.triage.cases.domain.CaseLetters;

/**
 * One document per case ({@code _id} = reference) whose {@code letters} map holds each letter
 * under a key derived from its message id: setting a key is idempotent, so a redelivered event
 * changes nothing, and a case's events arrive in order from one partition, one writer at a time.
 */
@Component
class MongoCaseLetters implements CaseLetters {

    static final String COLLECTION = "case_letters";
    /** The message id (and key) of an anonymised letter: its rank, no address. */
    static final String ERASED = "erased-";

    private final MongoCollection<Document> letters;

    MongoCaseLetters(MongoTemplate mongo) {
        this.letters = mongo.getCollection(COLLECTION);
    }

    @Override
    public void recordAll(List<Event> outcomes) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (Event outcome : outcomes) {
            switch (outcome) {
                case NotificationDelivered d -> writes.add(record(d.reference(), d.messageId(),
                        new Document("messageId", d.messageId()).append("kind", d.kind().name())
                                .append("recipient", d.recipient()).append("subject", d.subject())
                                .append("status", "SENT").append("at", Date.from(d.sentAt()))));
                case NotificationFailed f -> writes.add(record(f.reference(), f.messageId(),
                        new Document("messageId", f.messageId()).append("kind", f.kind().name())
                                .append("recipient", f.recipient()).append("status", "FAILED")
                                .append("at", Date.from(f.failedAt())).append("reason", f.reason())));
                default -> {
                    // nothing else travels on notification-events
                }
            }
        }
        if (!writes.isEmpty()) {
            // in order: a letter failed then sent later ends SENT, as it would one event at a time
            UpdateBatches.write(letters, writes, true);
        }
    }

    /**
     * Rewrites the case's document with each letter under a key of its own order, without the
     * recipient, subject, reason or message id: the old keys are digests of message ids that hold
     * addresses, which a guess could confirm. A letter's event redelivered afterwards would add it
     * again; notification-service erases its messages on the same order, and by then (years after
     * the closing) nothing is in flight.
     */
    @Override
    public Map<String, Long> anonymiseAll(Collection<String> references) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<WriteModel<Document>> rewrites = new ArrayList<>();
        for (Document known : ByIds.read(letters, references, null)) {
            String reference = known.getString("_id");
            Document byKey = known.get("letters", new Document());
            List<Document> sorted = byKey.values().stream().map(Document.class::cast)
                    .sorted(Comparator.comparing((Document l) -> l.getDate("at"))).toList();
            long erased = sorted.stream().filter(l -> l.get("recipient") != null || l.get("subject") != null
                    || l.get("reason") != null || !l.getString("messageId").startsWith(ERASED)).count();
            if (erased == 0) {
                continue;
            }
            Document anonymised = new Document();
            for (int i = 0; i < sorted.size(); i++) {
                Document l = sorted.get(i);
                anonymised.append(ERASED + (i + 1), new Document("messageId", ERASED + (i + 1))
                        .append("kind", l.get("kind")).append("status", l.get("status")).append("at", l.get("at")));
            }
            rewrites.add(new ReplaceOneModel<>(Filters.eq("_id", reference),
                    new Document("_id", reference).append("letters", anonymised).append("anonymised", true)));
            counts.put(reference, erased);
        }
        if (!rewrites.isEmpty()) {
            UpdateBatches.write(letters, rewrites, false);
        }
        return counts;
    }

    @Override
    public List<Letter> of(String reference) {
        Document known = letters.find(Filters.eq("_id", reference)).first();
        if (known == null) {
            return List.of();
        }
        Document byKey = known.get("letters", new Document());
        return byKey.values().stream().map(Document.class::cast)
                .map(l -> new Letter(l.getString("messageId"), MessageKind.valueOf(l.getString("kind")),
                        l.getString("recipient"), l.getString("subject"), l.getString("status"),
                        l.getDate("at").toInstant(), l.getString("reason")))
                .sorted(Comparator.comparing(Letter::at).thenComparing(Letter::messageId))
                .toList();
    }

    private static WriteModel<Document> record(String reference, String messageId, Document letter) {
        return new UpdateOneModel<>(Filters.eq("_id", reference), Updates.set("letters." + key(messageId), letter),
                new UpdateOptions().upsert(true));
    }

    /** Message ids hold dots (addresses), which a field name may not: a digest of it instead. */
    private static String key(String messageId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
