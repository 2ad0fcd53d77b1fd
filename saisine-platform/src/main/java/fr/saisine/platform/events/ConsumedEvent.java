package fr.saisine.platform.events;

import fr.saisine.events.Event;
import fr.saisine.events.EventEnvelope;

/**
 * One event of a poll consumed at once: where it stands in the poll (what the error handler is
 * told when it fails) and the {@code traceparent} of the work that published it.
 */
public record ConsumedEvent(int index, EventEnvelope<Event> envelope, String traceparent) {

    public Event payload() {
        return envelope.payload();
    }

    public String reference() {
        return envelope.reference();
    }
}
