package fr.saisine.intake.datasubject.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;

import fr.saisine.intake.datasubject.domain.AddressIndex;
import fr.saisine.intake.datasubject.domain.Addresses;
import fr.saisine.platform.store.ByIds;
import fr.saisine.platform.store.UniqueInserts;

/**
 * The address index ({@code data_subject_index}): one small document per (address, complaint),
 * {@code _id} the address's hash and a slot number ({@code <hash>:<n>}), holding the reference. A
 * new entry is an insert into the first free slot, against the unique {@code _id}: two complaints
 * of one address filed at once each get a slot, where an {@code $addToSet} on one document per
 * address could lose one of them on FerretDB (an update there is a read then a write, without a
 * lock: docs/ferretdb.md). Read by {@code _id} alone, a batch of slots at a time, until a batch is
 * empty: an erasure frees slots, which the next filings fill again.
 */
@Component
class MongoAddressIndex implements AddressIndex {

    static final String COLLECTION = "data_subject_index";
    /** Slots read at once; a run of this many freed slots in a row ends the reading early (see the docs). */
    static final int BATCH = 50;
    private static final int ATTEMPTS = 20;

    private final MongoCollection<Document> index;

    MongoAddressIndex(MongoTemplate mongo) {
        this.index = mongo.getCollection(COLLECTION);
    }

    @Override
    public void index(String reference, Collection<String> addresses) {
        for (String address : addresses) {
            String hash = Addresses.hash(address);
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                Map<Integer, String> slots = slots(hash);
                if (slots.containsValue(reference)) {
                    break;
                }
                int free = IntStream.iterate(0, n -> n + 1).filter(n -> !slots.containsKey(n)).findFirst().orElseThrow();
                if (UniqueInserts.insert(index, new Document("_id", id(hash, free)).append("reference", reference))) {
                    break;
                }
                // another filing of this address took the slot first: read again
            }
        }
    }

    @Override
    public Set<String> references(String address) {
        return new LinkedHashSet<>(slots(Addresses.hash(address)).values());
    }

    /**
     * Reads the slots of every address at once, a batch of each a round (a round of reads by
     * {@code _id} for them all), until each address's batch comes back empty; then deletes the
     * slots that list the complaints, in one command.
     */
    @Override
    public long removeAll(Map<String, ? extends Collection<String>> addressesByReference) {
        Map<String, Set<String>> referencesByHash = new HashMap<>();
        addressesByReference.forEach((reference, addresses) -> addresses.forEach(address -> referencesByHash
                .computeIfAbsent(Addresses.hash(address), hash -> new HashSet<>()).add(reference)));
        List<String> listing = new ArrayList<>();
        Set<String> reading = new HashSet<>(referencesByHash.keySet());
        for (int from = 0; !reading.isEmpty(); from += BATCH) {
            int first = from;
            List<String> ids = reading.stream()
                    .flatMap(hash -> IntStream.range(first, first + BATCH).mapToObj(n -> id(hash, n))).toList();
            Set<String> stillFinding = new HashSet<>();
            for (Document slot : ByIds.read(index, ids, null)) {
                String id = slot.getString("_id");
                String hash = id.substring(0, id.lastIndexOf(':'));
                stillFinding.add(hash);
                if (referencesByHash.get(hash).contains(slot.getString("reference"))) {
                    listing.add(id);
                }
            }
            reading = stillFinding;
        }
        return ByIds.delete(index, listing);
    }

    /** The used slots of the address, by number. */
    private Map<Integer, String> slots(String hash) {
        Map<Integer, String> slots = new HashMap<>();
        for (int from = 0; ; from += BATCH) {
            List<String> ids = IntStream.range(from, from + BATCH).mapToObj(n -> id(hash, n)).toList();
            List<Document> found = ByIds.read(index, ids, null);
            found.forEach(d -> {
                String id = d.getString("_id");
                slots.put(Integer.parseInt(id.substring(id.lastIndexOf(':') + 1)), d.getString("reference"));
            });
            if (found.isEmpty()) {
                return slots;
            }
        }
    }

    private static String id(String hash, int slot) {
        return hash + ":" + slot;
    }
}
