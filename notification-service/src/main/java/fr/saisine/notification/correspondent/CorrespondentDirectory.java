package fr.saisine.notification.correspondent;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.platform.store.ByIds;
import fr.saisine.platform.store.UniqueInserts;

/** The correspondents of every complaint, one document each, keyed by reference. */
@Component
public class CorrespondentDirectory {

    private final MongoTemplate mongo;

    CorrespondentDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Remembers who to write to about each of these complaints, in one insert; a redelivered event
     * changes nothing, for the complaint as filed never changes.
     */
    public void rememberAll(List<ComplaintSubmitted> complaints) {
        UniqueInserts.insertAll(mongo.getCollection(mongo.getCollectionName(Correspondent.class)),
                complaints.stream().map(complaint -> {
                    Document stored = new Document();
                    mongo.getConverter().write(Correspondent.of(complaint), stored);
                    return stored;
                }).toList());
    }

    /**
     * Forgets who these complaints name (their erasure), with one read of which are kept and one
     * deletion, both by {@code _id}: the complaints that had correspondents kept.
     */
    public Set<String> eraseAll(Collection<String> references) {
        MongoCollection<Document> correspondents = mongo.getCollection(mongo.getCollectionName(Correspondent.class));
        Set<String> kept = ByIds.read(correspondents, references, Projections.include("_id")).stream()
                .map(stored -> stored.getString("_id")).collect(Collectors.toSet());
        ByIds.delete(correspondents, List.copyOf(references));
        return kept;
    }

    public Optional<Correspondent> find(String reference) {
        return Optional.ofNullable(mongo.findById(reference, Correspondent.class));
    }

    /** The correspondents of these complaints that are known, by reference, read together. */
    public Map<String, Correspondent> findAll(Collection<String> references) {
        return ByIds.read(mongo.getCollection(mongo.getCollectionName(Correspondent.class)), references, null).stream()
                .map(stored -> mongo.getConverter().read(Correspondent.class, stored))
                .collect(Collectors.toMap(Correspondent::reference, correspondent -> correspondent));
    }
}
