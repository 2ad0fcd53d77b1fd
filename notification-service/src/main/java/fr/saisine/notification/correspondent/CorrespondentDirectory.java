package fr.saisine.notification.correspondent;

import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import fr.saisine.events.ComplaintSubmitted;

/** The correspondents of every complaint, one document each, keyed by reference. */
@Component
public class CorrespondentDirectory {

    private final MongoTemplate mongo;

    CorrespondentDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Remembers who to write to; a redelivered event changes nothing. */
    public void remember(ComplaintSubmitted complaint) {
        try {
            mongo.insert(Correspondent.of(complaint));
        }
        catch (DuplicateKeyException alreadyKnown) {
            // the first delivery stored it: the complaint as filed never changes
        }
    }

    public Optional<Correspondent> find(String reference) {
        return Optional.ofNullable(mongo.findById(reference, Correspondent.class));
    }
}
