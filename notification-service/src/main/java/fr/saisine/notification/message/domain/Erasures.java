package fr.saisine.notification.message.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.saisine.events.ErasureRule;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.PersonalDataErased;
import fr.saisine.platform.store.Versioned;
import fr.saisine.platform.store.VersionedStore.Creation;

/**
 * The tombstones of the complaints whose letters were erased, one each, keyed by reference, each
 * written with its answer to triage in one insert; a repeated order's answer is its next version.
 */
public interface Erasures {

    /**
     * What is kept of an erased complaint's correspondence: when, under which rule and run, its
     * letters counted by kind and outcome (for the statistics: nobody is identified by them), and
     * the orders answered.
     */
    record ErasedCorrespondence(String reference, Instant erasedAt, ErasureRule rule, String runId,
            Map<String, Long> letters, List<String> orders) {

        public ErasedCorrespondence {
            letters = letters == null ? Map.of() : Map.copyOf(letters);
            orders = orders == null ? List.of() : List.copyOf(orders);
        }

        public ErasedCorrespondence answering(String orderId) {
            List<String> more = new ArrayList<>(orders);
            more.add(orderId);
            return new ErasedCorrespondence(reference, erasedAt, rule, runId, letters, more);
        }
    }

    Optional<Versioned<ErasedCorrespondence>> find(String reference);

    /** Of these references, those erased: one read by {@code _id} for them all. */
    Set<String> erasedAmong(Collection<String> references);

    /** The tombstones of these complaints that exist, by reference: two reads by {@code _id} for them all. */
    Map<String, Versioned<ErasedCorrespondence>> findAll(Collection<String> references);

    /**
     * A tombstone and its answer made ready in the work in progress, whose trace the answer's
     * publishing continues: nothing is written until {@link #recordAll}.
     */
    Creation<ErasedCorrespondence> recording(ErasedCorrespondence tombstone, EventEnvelope<PersonalDataErased> answer);

    /**
     * Writes these tombstones, each with its answer, in one insert (and one of their outbox
     * markers). The first writer wins: a complaint given a tombstone meanwhile (by another
     * instance) keeps that one, whose answer stands, and this one's answer is withdrawn.
     *
     * @return the complaints that had a tombstone already
     */
    Set<String> recordAll(List<Creation<ErasedCorrespondence>> tombstones);

    /** @return false when another writer answered meanwhile */
    boolean answerAgain(Versioned<ErasedCorrespondence> tombstone, String orderId, EventEnvelope<PersonalDataErased> answer);
}
