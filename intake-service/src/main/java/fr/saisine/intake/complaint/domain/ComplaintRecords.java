package fr.saisine.intake.complaint.domain;

import java.util.Optional;

import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.EventEnvelope;

/** Where complaints are kept, each with the event that announces it. */
public interface ComplaintRecords {

    /**
     * Stores the complaint and its event in one write: both are kept, or neither.
     *
     * @return false when a complaint already has this reference
     */
    boolean add(EventEnvelope<ComplaintSubmitted> submitted);

    Optional<ComplaintSubmitted> find(Reference reference);
}
