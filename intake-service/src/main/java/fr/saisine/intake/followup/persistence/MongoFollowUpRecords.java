package fr.saisine.intake.followup.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import fr.saisine.intake.followup.domain.FollowUpCase;
import fr.saisine.intake.followup.domain.FollowUpRecords;
import fr.saisine.intake.followup.domain.IssuedLink;
import fr.saisine.intake.followup.domain.SentLetter;

/**
 * The follow-up read model in three collections, every read and write by {@code _id} (the only
 * filter FerretDB serves without a scan, docs/ferretdb.md): a link by the hash of its token, inserted
 * once; a case and its letters by reference, inserted first (no read, for the first is the common
 * case), then replaced whole by their one writer (the consumer of its topic, in partition order), so
 * no concurrent update can lose another's.
 */
@Component
class MongoFollowUpRecords implements FollowUpRecords {

    static final String LINKS = "follow_up_links";
    static final String CASES = "follow_up_cases";
    static final String LETTERS = "follow_up_letters";

    private final MongoTemplate mongo;

    MongoFollowUpRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean addLink(IssuedLink link) {
        return insert(LINKS, link.tokenHash(), new Document("link", write(link)));
    }

    @Override
    public Optional<IssuedLink> link(String tokenHash) {
        return byId(LINKS, tokenHash).map(d -> mongo.getConverter().read(IssuedLink.class, d.get("link", Document.class)));
    }

    @Override
    public Optional<FollowUpCase> caseOf(String reference) {
        return byId(CASES, reference).map(d -> mongo.getConverter().read(FollowUpCase.class, d.get("case", Document.class)));
    }

    @Override
    public boolean addCase(FollowUpCase followUpCase) {
        return insert(CASES, followUpCase.reference(), new Document("case", write(followUpCase)));
    }

    @Override
    public void saveCase(FollowUpCase followUpCase) {
        replace(CASES, followUpCase.reference(), new Document("case", write(followUpCase)));
    }

    /** The first letter (the acknowledgement, mostly) is inserted; those after, or a redelivery, read the list first. */
    @Override
    public void addLetter(String reference, SentLetter letter) {
        if (insert(LETTERS, reference, new Document("letters", List.of(write(letter))))) {
            return;
        }
        List<SentLetter> letters = new ArrayList<>(letters(reference));
        if (letters.stream().noneMatch(l -> l.messageId().equals(letter.messageId()))) {
            letters.add(letter);
            replace(LETTERS, reference, new Document("letters", letters.stream().map(this::write).toList()));
        }
    }

    @Override
    public List<SentLetter> letters(String reference) {
        return byId(LETTERS, reference).map(d -> d.getList("letters", Document.class, List.of()).stream()
                .map(l -> mongo.getConverter().read(SentLetter.class, l)).toList()).orElse(List.of());
    }

    private Optional<Document> byId(String collection, String id) {
        return Optional.ofNullable(mongo.getCollection(collection).find(Filters.eq("_id", id)).first());
    }

    /** @return false when a document has this {@code _id} already */
    private boolean insert(String collection, String id, Document content) {
        try {
            Document document = new Document("_id", id);
            document.putAll(content);
            mongo.getCollection(collection).insertOne(document);
            return true;
        }
        catch (MongoWriteException ex) {
            if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw ex;
        }
    }

    private void replace(String collection, String id, Document content) {
        mongo.getCollection(collection).replaceOne(Filters.eq("_id", id), content.append("_id", id),
                new ReplaceOptions().upsert(true));
    }

    private Document write(Object value) {
        Document document = new Document();
        mongo.getConverter().write(value, document);
        document.remove("_class");
        return document;
    }
}
