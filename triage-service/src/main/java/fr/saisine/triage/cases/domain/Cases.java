package fr.saisine.triage.cases.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.EventEnvelope;

/**
 * Where cases are kept, each version with the events that announce it and its summary for the
 * staff views (queues, counts and search read those, from memory: views package).
 */
public interface Cases {

    /**
     * A new case with its {@code ComplaintTriaged}, made ready by {@link #newCase} in the work that
     * routed it, whose trace its events' publishing continues.
     */
    interface NewCase {

        String reference();
    }

    /** Prepares a new case, version 1, with its event; nothing is written. */
    NewCase newCase(TriagedCase triagedCase, EventEnvelope<ComplaintTriaged> announcement);

    /**
     * Stores new cases prepared by {@link #newCase}, each with its event, in one write.
     *
     * @return the references of those that had a case already: redelivered events
     */
    Set<String> addAll(List<NewCase> newCases);

    /**
     * Stores a new case, version 1, with its {@code ComplaintTriaged} event in one write.
     *
     * @return false when the complaint already has a case: a redelivered event
     */
    default boolean add(TriagedCase triagedCase, EventEnvelope<ComplaintTriaged> announcement) {
        return addAll(List.of(newCase(triagedCase, announcement))).isEmpty();
    }

    /** The case at its latest version. */
    default Optional<Case> find(String reference) {
        return Optional.ofNullable(findAll(List.of(reference)).get(reference));
    }

    /** The cases of these references that exist, at their latest versions, read at once by {@code _id}. */
    Map<String, Case> findAll(Collection<String> references);

    /** {@link #findAll} leaving the heads found behind as they are: for the erasure, which rewrites them. */
    Map<String, Case> findAllLeavingHeads(Collection<String> references);

    /**
     * Stores the change as the case's next version, with its events.
     *
     * @return false when that version exists already: someone changed the case first
     */
    default boolean save(Case.Change change) {
        return saveAll(List.of(change)).isEmpty();
    }

    /**
     * Stores each change as its case's next version, with its events, all in one write (one
     * change per case).
     *
     * @return the references of the cases whose version existed already: changed by someone first
     */
    Set<String> saveAll(List<Case.Change> changes);

    /**
     * Stores the anonymisation of each case as its next version, with its events, in one write,
     * leaving the heads of the cases to the erasure of their history ({@link #eraseHistoryAll}),
     * which rewrites them, or to their next read: a head's rewrite is FerretDB's dearest write.
     *
     * @return the references of the cases whose version existed already: changed by someone first
     */
    Set<String> anonymiseAll(List<Case.Change> anonymisations);

    /**
     * The references of the cases closed on each of these days (UTC), from the read model kept as
     * cases close (one document per day, read by {@code _id}): a case closed, reopened and closed
     * again is listed on both days, so the reader checks each case itself.
     */
    Map<LocalDate, Set<String>> closedOn(Collection<LocalDate> days);

    /**
     * The earliest day with closings not yet in its day's list (recorded, but not folded yet by the
     * instance that folds them): a run must not count that day gone through.
     */
    Optional<LocalDate> earliestUnlistedClosing();

    /**
     * Erases what each case's older versions and their events held, leaving its anonymised version
     * as the only state kept, for all the cases at once: by case, the count of documents erased
     * this time by kind ({@code cases}: the head, {@code case_versions}: older versions); nothing
     * for a case done before.
     */
    Map<String, Map<String, Long>> eraseHistoryAll(List<Case> anonymised);
}
