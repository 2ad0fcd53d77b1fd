package fr.saisine.intake.followup.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
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
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import fr.saisine.intake.followup.domain.ErasedCounts;
import fr.saisine.intake.followup.domain.FollowUpCase;
import fr.saisine.intake.followup.domain.FollowUpRecords;
import fr.saisine.intake.followup.domain.IssuedLink;
import fr.saisine.intake.followup.domain.SentLetter;
import fr.saisine.platform.store.ByIds;
import fr.saisine.platform.store.UniqueInserts;
import fr.saisine.platform.store.UpdateBatches;

/**
 * The follow-up read model in three collections, every read and write by {@code _id} (the only
 * filter FerretDB serves without a scan, docs/ferretdb.md): a link by the hash of its token, inserted
 * once; a case and its letters by reference, inserted first (no read, for the first is the common
 * case), then replaced whole by their one writer (the consumer of its topic, in partition order), so
 * no concurrent update can lose another's. A fourth, {@code follow_up_link_index}, lists each
 * complaint's links by reference, so that its erasure finds them by {@code _id} too.
 */
@Component
class MongoFollowUpRecords implements FollowUpRecords {

    static final String LINKS = "follow_up_links";
    static final String LINK_INDEX = "follow_up_link_index";
    static final String CASES = "follow_up_cases";
    static final String LETTERS = "follow_up_letters";
    /** A link's stub after its complaint's erasure: the reference and when, nothing of the person. */
    static final String ERASED = "erasedAt";

    private final MongoTemplate mongo;

    MongoFollowUpRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Each complaint's links are listed under it first (one {@code $addToSet} per complaint, all in
     * one command: the links of a complaint arrive on one partition, to this one writer), then
     * inserted: a crash in between lists a link that is not there, which its erasure skips.
     */
    @Override
    public int addLinks(List<IssuedLink> links) {
        if (links.isEmpty()) {
            return 0;
        }
        Map<String, List<String>> byReference = new LinkedHashMap<>();
        links.forEach(link -> byReference.computeIfAbsent(link.reference(), r -> new ArrayList<>())
                .add(link.tokenHash()));
        UpdateBatches.write(mongo.getCollection(LINK_INDEX), byReference.entrySet().stream()
                .<WriteModel<Document>>map(listing -> new UpdateOneModel<>(Filters.eq("_id", listing.getKey()),
                        Updates.addEachToSet("hashes", listing.getValue()), new UpdateOptions().upsert(true)))
                .toList(), false);
        return links.size() - UniqueInserts.insertAll(mongo.getCollection(LINKS), links.stream()
                .map(link -> new Document("_id", link.tokenHash()).append("link", write(link))).toList()).size();
    }

    @Override
    public Optional<IssuedLink> link(String tokenHash) {
        return byId(LINKS, tokenHash).filter(d -> d.containsKey("link"))
                .map(d -> mongo.getConverter().read(IssuedLink.class, d.get("link", Document.class)));
    }

    @Override
    public List<IssuedLink> links(String reference) {
        List<String> hashes = byId(LINK_INDEX, reference).map(d -> d.getList("hashes", String.class, List.of()))
                .orElse(List.of());
        return ByIds.read(mongo.getCollection(LINKS), hashes, null).stream().filter(d -> d.containsKey("link"))
                .map(d -> mongo.getConverter().read(IssuedLink.class, d.get("link", Document.class))).toList();
    }

    @Override
    public boolean linkErased(String tokenHash) {
        return byId(LINKS, tokenHash).filter(d -> d.containsKey(ERASED)).isPresent();
    }

    /**
     * The links listed under the complaint become stubs (replaced by {@code _id}, never created),
     * then its case, its letters and its listing go: each by {@code _id}.
     */
    @Override
    public ErasedCounts eraseAll(Collection<String> references, Instant erasedAt) {
        ErasedCounts erased = new ErasedCounts();
        Map<String, String> referenceOfHash = new HashMap<>();
        ByIds.read(mongo.getCollection(LINK_INDEX), references, null).forEach(listing -> listing
                .getList("hashes", String.class, List.of()).forEach(hash -> referenceOfHash.put(hash, listing.getString("_id"))));
        List<String> live = ByIds.read(mongo.getCollection(LINKS), referenceOfHash.keySet(), null).stream()
                .filter(d -> d.containsKey("link")).map(d -> d.getString("_id")).toList();
        if (!live.isEmpty()) {
            UpdateBatches.write(mongo.getCollection(LINKS), live.stream().<WriteModel<Document>>map(hash -> new ReplaceOneModel<>(
                    Filters.eq("_id", hash), new Document("_id", hash).append("reference", referenceOfHash.get(hash))
                            .append(ERASED, Date.from(erasedAt)))).toList(), false);
            live.forEach(hash -> erased.add(referenceOfHash.get(hash), "follow_up_links", 1));
        }
        List<String> withLetters = new ArrayList<>();
        ByIds.read(mongo.getCollection(LETTERS), references, null).forEach(letters -> {
            withLetters.add(letters.getString("_id"));
            erased.add(letters.getString("_id"), "follow_up_letters",
                    letters.getList("letters", Document.class, List.of()).size());
        });
        ByIds.delete(mongo.getCollection(LETTERS), withLetters);
        List<String> withCase = ByIds.read(mongo.getCollection(CASES), references, new Document("_id", 1)).stream()
                .map(d -> d.getString("_id")).toList();
        ByIds.delete(mongo.getCollection(CASES), withCase);
        withCase.forEach(reference -> erased.add(reference, "follow_up_cases", 1));
        ByIds.delete(mongo.getCollection(LINK_INDEX), List.copyOf(references));
        return erased;
    }

    @Override
    public Map<String, FollowUpCase> casesOf(Collection<String> references) {
        Map<String, FollowUpCase> found = new HashMap<>();
        ByIds.read(mongo.getCollection(CASES), references, null).forEach(d -> found.put(d.getString("_id"),
                mongo.getConverter().read(FollowUpCase.class, d.get("case", Document.class))));
        return found;
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
