package fr.saisine.intake.followup.persistence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import fr.saisine.intake.followup.domain.FollowUpCase;
import fr.saisine.intake.followup.domain.FollowUpRecords;
import fr.saisine.intake.followup.domain.IssuedLink;
import fr.saisine.intake.followup.domain.SentLetter;
import fr.saisine.platform.store.UniqueInserts;

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
    public int addLinks(List<IssuedLink> links) {
        return links.size() - UniqueInserts.insertAll(mongo.getCollection(LINKS), links.stream()
                .map(link -> new Document("_id", link.tokenHash()).append("link", write(link))).toList()).size();
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
    public Set<String> addCases(List<FollowUpCase> cases) {
        Set<Integer> taken = UniqueInserts.insertAll(mongo.getCollection(CASES), cases.stream()
                .map(c -> new Document("_id", c.reference()).append("case", write(c))).toList());
        return taken.stream().map(i -> cases.get(i).reference()).collect(Collectors.toSet());
    }

    @Override
    public void saveCase(FollowUpCase followUpCase) {
        replace(CASES, followUpCase.reference(), new Document("case", write(followUpCase)));
    }

    /**
     * A complaint's first letters (the acknowledgements, mostly) are inserted, those of all the
     * complaints in one command; those after, or a redelivery, read the list first.
     */
    @Override
    public void addLetters(Map<String, List<SentLetter>> lettersByReference) {
        List<String> references = List.copyOf(lettersByReference.keySet());
        Set<Integer> taken = UniqueInserts.insertAll(mongo.getCollection(LETTERS), references.stream()
                .map(reference -> letterList(reference, withNew(List.of(), lettersByReference.get(reference))))
                .toList());
        for (int i : taken) {
            String reference = references.get(i);
            List<SentLetter> known = letters(reference);
            List<SentLetter> letters = withNew(known, lettersByReference.get(reference));
            if (letters.size() > known.size()) {
                replace(LETTERS, reference, letterList(reference, letters));
            }
        }
    }

    /** The letters known, then those of {@code more} not among them yet (a redelivery is listed once). */
    private static List<SentLetter> withNew(List<SentLetter> known, List<SentLetter> more) {
        Map<String, SentLetter> byMessage = new LinkedHashMap<>();
        known.forEach(letter -> byMessage.put(letter.messageId(), letter));
        more.forEach(letter -> byMessage.putIfAbsent(letter.messageId(), letter));
        return List.copyOf(byMessage.values());
    }

    private Document letterList(String reference, List<SentLetter> letters) {
        return new Document("_id", reference).append("letters", letters.stream().map(this::write).toList());
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
