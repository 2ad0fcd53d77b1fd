package fr.saisine.intake.followup.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;

import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.intake.followup.domain.AnswerAttachments;

/** One small document per answer's file, {@code _id} the file's id: found without a scan on FerretDB. */
@Component
class MongoAnswerAttachments implements AnswerAttachments {

    static final String COLLECTION = "answer_attachments";

    private final MongoTemplate mongo;

    MongoAnswerAttachments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void index(String answerId, List<Attachment> attachments) {
        for (Attachment attachment : attachments) {
            try {
                mongo.getCollection(COLLECTION).insertOne(new Document("_id", attachment.id()).append("answer", answerId));
            }
            catch (MongoWriteException ex) {
                // ids are random UUIDs: a duplicate is this very entry, written by a retry
                if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw ex;
                }
            }
        }
    }

    @Override
    public long erase(Collection<String> attachmentIds) {
        return attachmentIds.isEmpty() ? 0
                : mongo.getCollection(COLLECTION).deleteMany(Filters.in("_id", List.copyOf(attachmentIds))).getDeletedCount();
    }

    @Override
    public Optional<String> answerOf(String attachmentId) {
        return Optional.ofNullable(mongo.getCollection(COLLECTION).find(Filters.eq("_id", attachmentId)).first())
                .map(entry -> entry.getString("answer"));
    }
}
