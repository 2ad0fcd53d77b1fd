package fr.saisine.notification.message.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import fr.saisine.notification.message.domain.DecisionPdfs;
import fr.saisine.platform.store.UniqueInserts;

/**
 * {@code decision_pdfs}: one document per closing message, its {@code _id} the message's, holding
 * the PDF's bytes and the complaint's reference (personal data: erased with the messages). Written
 * once, by unique insert: a redelivered closure keeps the PDF first made, as it keeps the letter.
 */
@Component
class MongoDecisionPdfs implements DecisionPdfs {

    static final String COLLECTION = "decision_pdfs";

    private final MongoCollection<Document> pdfs;

    MongoDecisionPdfs(MongoTemplate mongo) {
        this.pdfs = mongo.getCollection(COLLECTION);
    }

    @Override
    public void keepAll(String reference, Map<String, byte[]> byMessageId) {
        Date now = Date.from(Instant.now());
        UniqueInserts.insertAll(pdfs, byMessageId.entrySet().stream().map(pdf -> new Document("_id", pdf.getKey())
                .append("reference", reference).append("contentType", "application/pdf")
                .append("createdAt", now).append("pdf", new Binary(pdf.getValue()))).toList());
    }

    @Override
    public Optional<byte[]> find(String messageId) {
        return Optional.ofNullable(pdfs.find(Filters.eq("_id", messageId)).first())
                .map(found -> found.get("pdf", Binary.class).getData());
    }
}
