package fr.saisine.intake.followup.domain;

import fr.saisine.events.Event;

/**
 * What complainants asked through their links, each stored with the event that carries it to the
 * other services, in one insert on a natural key: the same request twice is stored once.
 */
public interface ComplainantRequests {

    /** @return false when a request with this id exists already */
    boolean record(String id, Event request);

    boolean exists(String id);
}
