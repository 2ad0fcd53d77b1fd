package fr.saisine.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on a topic: the event's identity and type around its payload. {@code eventId}
 * makes a redelivery recognisable; {@code schemaVersion} lets a payload gain fields later.
 */
public record EventEnvelope<P extends Event>(
        UUID eventId, String type, int schemaVersion, Instant occurredAt, String reference, P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(payload, "payload");
    }

    /** Wraps a new event, stamped now with a fresh identity. */
    public static <P extends Event> EventEnvelope<P> wrap(P payload, Instant occurredAt) {
        EventType type = EventType.of(payload.getClass());
        return new EventEnvelope<>(UUID.randomUUID(), type.typeName(), type.schemaVersion(), occurredAt,
                payload.reference(), payload);
    }
}
