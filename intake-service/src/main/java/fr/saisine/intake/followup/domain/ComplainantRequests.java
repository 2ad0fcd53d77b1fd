package fr.saisine.intake.followup.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.events.Event;

/**
 * What complainants asked through their links, each stored with the event that carries it to the
 * other services, in one insert on a natural key: the same request twice is stored once.
 */
public interface ComplainantRequests {

    /** @return false when a request with this id exists already */
    default boolean record(String id, Event request) {
        return record(id, request, List.of());
    }

    /**
     * The same, with the files sent with it (already stored), kept beside the request so that staff
     * can download them.
     *
     * @return false when a request with this id exists already
     */
    boolean record(String id, Event request, List<Attachment> attachments);

    boolean exists(String id);

    /**
     * Of these attachment ids, those named by a stored request (an answer). A scan (the files are not indexed by
     * id): only for the purge of abandoned uploads, and only when some are found, rarely.
     */
    Set<String> attachmentsNamed(Collection<String> attachmentIds);

    /** Of these ids, those recorded: one read by {@code _id} for them all. */
    Set<String> existing(Collection<String> ids);

    /** Erases these requests (their events with them), by {@code _id}: how many there were. */
    long erase(Collection<String> ids);

    /** The files sent with the request, none if there is no such request. */
    default List<Attachment> attachments(String id) {
        return attachmentsOf(List.of(id)).getOrDefault(id, List.of());
    }

    /** The files of each of these requests that has any, read at once. */
    Map<String, List<Attachment>> attachmentsOf(Collection<String> ids);
}
