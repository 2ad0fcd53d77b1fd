package fr.saisine.triage.cases.domain;

import java.util.List;
import java.util.Optional;

import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.EventEnvelope;

/**
 * Where cases are kept, each version with the events that announce it and its summary for the
 * staff views (queues, counts and search read those, from memory: views package).
 */
public interface Cases {

    /**
     * Stores a new case, version 1, with its {@code ComplaintTriaged} event in one write.
     *
     * @return false when the complaint already has a case: a redelivered event
     */
    boolean add(TriagedCase triagedCase, EventEnvelope<ComplaintTriaged> announcement);

    /** The case at its latest version. */
    Optional<Case> find(String reference);

    /**
     * Stores the change as the case's next version, with its events.
     *
     * @return false when that version exists already: someone changed the case first
     */
    boolean save(Case.Change change);
}
