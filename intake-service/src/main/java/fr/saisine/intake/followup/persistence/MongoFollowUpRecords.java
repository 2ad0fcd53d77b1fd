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
 * once; a case and its letters by reference, each replaced whole by its one writer (the consumer of
 * its topic, in partition order), so no concurrent update can lose another's.
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
        try {
            mongo.getCollection(LINKS).insertOne(new Document("_id", link.tokenHash()).append("link", write(link)));
            return true;
        }
        catch (MongoWriteException ex) {
            if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw ex;
        }
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
    public void saveCase(FollowUpCase followUpCase) {
        replace(CASES, followUpCase.reference(), new Document("case", write(followUpCase)));
    }

    @Override
    public void addLetter(String reference, SentLetter letter) {
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
