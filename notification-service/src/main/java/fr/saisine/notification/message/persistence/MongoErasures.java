package fr.saisine.notification.message.persistence;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Projections;

import fr.saisine.events.EventEnvelope;
import fr.saisine.events.PersonalDataErased;
import fr.saisine.notification.message.domain.Erasures;
import fr.saisine.platform.outbox.Outbox;
import fr.saisine.platform.outbox.OutboxRelay;
import fr.saisine.platform.store.ByIds;
import fr.saisine.platform.store.Versioned;
import fr.saisine.platform.store.VersionedStore;
import fr.saisine.platform.store.VersionedStore.Creation;

/** The tombstones in {@code erasures}, through the platform's {@link VersionedStore}: each answer in its version's insert. */
@Component
public class MongoErasures implements Erasures {

    /** Where the relay finds the answers: the first in the tombstone, those to repeated orders in its versions. */
    public static final String COLLECTION = "erasures";

    private final VersionedStore<ErasedCorrespondence> store;
    private final MongoTemplate mongo;

    MongoErasures(MongoTemplate mongo, Outbox outbox, OutboxRelay messageOutboxRelay, Clock clock) {
        this.store = new VersionedStore<>(mongo, outbox, messageOutboxRelay, COLLECTION, ErasedCorrespondence.class, clock);
        this.mongo = mongo;
    }

    public static String answers() {
        return VersionedStore.versionsOf(COLLECTION);
    }

    @Override
    public Optional<Versioned<ErasedCorrespondence>> find(String reference) {
        return store.find(reference);
    }

    @Override
    public Set<String> erasedAmong(Collection<String> references) {
        if (references.isEmpty()) {
            return Set.of();
        }
        return ByIds.read(mongo.getCollection(COLLECTION), references, Projections.include("_id")).stream()
                .map(d -> d.getString("_id")).collect(Collectors.toSet());
    }

    @Override
    public Map<String, Versioned<ErasedCorrespondence>> findAll(Collection<String> references) {
        return store.findAll(references);
    }

    @Override
    public Creation<ErasedCorrespondence> recording(ErasedCorrespondence tombstone,
            EventEnvelope<PersonalDataErased> answer) {
        return store.creation(tombstone.reference(), tombstone, List.of(answer));
    }

    @Override
    public Set<String> recordAll(List<Creation<ErasedCorrespondence>> tombstones) {
        return store.createAll(tombstones);
    }

    @Override
    public boolean answerAgain(Versioned<ErasedCorrespondence> tombstone, String orderId,
            EventEnvelope<PersonalDataErased> answer) {
        return store.append(tombstone.id(), tombstone.version() + 1, tombstone.state().answering(orderId), List.of(answer));
    }
}
