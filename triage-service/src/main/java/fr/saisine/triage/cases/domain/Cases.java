package fr.saisine.triage.cases.domain;

import java.util.List;
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
    Optional<Case> find(String reference);

    /**
     * Stores the change as the case's next version, with its events.
     *
     * @return false when that version exists already: someone changed the case first
     */
    boolean save(Case.Change change);
}
