package fr.saisine.intake.complaint.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.PersonalDataErased;

/** Where complaints are kept, each with the event that announces it, and, once erased, its tombstone. */
public interface ComplaintRecords {

    /**
     * Stores the complaint and its event in one write: both are kept, or neither.
     *
     * @return false when a complaint already has this reference (or had: an erased one keeps it)
     */
    boolean add(EventEnvelope<ComplaintSubmitted> submitted);

    /** The complaint as filed; empty when there is none, or when it was erased ({@link #erased}). */
    Optional<ComplaintSubmitted> find(Reference reference);

    /**
     * Of these attachment ids, those named by a stored complaint. A scan (the files are not indexed by
     * id): only for the purge of abandoned uploads, and only when some are found, rarely.
     */
    Set<String> attachmentsNamed(Collection<String> attachmentIds);

    /** The complaint's tombstone, when its personal data was erased. */
    default Optional<ErasedComplaint> erased(Reference reference) {
        return Optional.ofNullable(erasedAll(List.of(reference.value())).get(reference.value()));
    }

    /** The tombstones of those of these complaints that were erased, read at once. */
    Map<String, ErasedComplaint> erasedAll(Collection<String> references);

    /** The complaints as filed, of those of these references that exist and were not erased, read at once. */
    Map<String, ComplaintSubmitted> findAll(Collection<String> references);

    /** Of these references, those erased: one read by {@code _id} for them all. */
    Set<String> erasedAmong(Collection<String> references);

    /** A complaint's tombstone and the answer it carries. */
    record Tombstone(ErasedComplaint erased, EventEnvelope<PersonalDataErased> answer) {
    }

    /**
     * Replaces each complaint as filed (and the events it carried) by its tombstone, with the
     * answer to the order in the same single-document write: the tombstone is never kept without
     * its answer, nor the answer published without the tombstone. Written after everything else of
     * the complaints was erased, so that a crash before it repeats the erasure on redelivery. All
     * in one write (and one of the answers' markers).
     */
    void tombstoneAll(List<Tombstone> tombstones);

    /** Adds the answer to another order for an erased complaint to its tombstone, with that order's id. */
    void answerAgain(String reference, String orderId, EventEnvelope<PersonalDataErased> answer);
}
