package fr.saisine.triage.cases.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.EventEnvelope;

/** Where cases are kept, each with the events still to publish about it. */
public interface Cases {

    /**
     * Stores a new case with its {@code ComplaintTriaged} event in one write.
     *
     * @return false when the complaint already has a case: a redelivered event
     */
    boolean add(TriagedCase triagedCase, EventEnvelope<ComplaintTriaged> announcement);

    Optional<TriagedCase> find(String reference);

    /** The references sharing this related key, in order of reference: oldest first. */
    List<String> related(String relatedKey, int limit);

    /** A sector's open cases, oldest first. */
    List<TriagedCase> openQueue(String sectorCode, int limit);

    /** How many open cases each sector holds. */
    Map<String, Long> openCountsBySector();
}
