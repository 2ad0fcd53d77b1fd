package fr.saisine.notification.message.persistence;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import fr.saisine.notification.message.domain.Messages;
import fr.saisine.notification.message.domain.OutgoingMessage;
import fr.saisine.notification.message.sending.MailDispatch;

@Component
class MongoMessages implements Messages {

    private final MongoTemplate mongo;
    private final MailDispatch dispatch;

    MongoMessages(MongoTemplate mongo, MailDispatch dispatch) {
        this.mongo = mongo;
        this.dispatch = dispatch;
        var indexes = mongo.indexOps(MessageFields.COLLECTION);
        indexes.createIndex(new Index().on(MessageFields.REFERENCE, Sort.Direction.ASC));
        indexes.createIndex(new Index().on(MessageFields.STATUS, Sort.Direction.ASC)
                .on(MessageFields.NEXT_ATTEMPT_AT, Sort.Direction.ASC));
    }

    @Override
    public boolean queue(OutgoingMessage message) {
        try {
            mongo.insert(MessageDocument.of(message));
        }
        catch (DuplicateKeyException alreadyQueued) {
            return false;
        }
        dispatch.wakeUp();
        return true;
    }

    @Override
    public List<OutgoingMessage> forComplaint(String reference) {
        Query ofComplaint = new Query(Criteria.where(MessageFields.REFERENCE).is(reference))
                .with(Sort.by(MessageFields.CREATED_AT, "_id"));
        return mongo.find(ofComplaint, MessageDocument.class).stream().map(MessageDocument::toMessage).toList();
    }
}
