package fr.saisine.platform.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import fr.saisine.events.Event;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.EventType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads the JSON form of {@link EventEnvelope}s, the one wire format of every topic. */
public final class EventJson {

    private final JsonMapper mapper;

    public EventJson(JsonMapper mapper) {
        // a newer producer may add fields; an older consumer must still read the event
        this.mapper = mapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public String write(EventEnvelope<?> envelope) {
        return mapper.writeValueAsString(envelope);
    }

    /**
     * Reads an envelope, or nothing when its type is one this build does not know (a newer
     * producer's): consumers skip those rather than dead-letter them.
     *
     * @throws UnreadableEventException when the bytes are not an event at all
     */
    public Optional<EventEnvelope<Event>> read(byte[] json) {
        try {
            JsonNode tree = mapper.readTree(json);
            String typeName = text(tree, "type");
            Optional<EventType> type = EventType.named(typeName);
            if (type.isEmpty()) {
                return Optional.empty();
            }
            Event payload = mapper.treeToValue(required(tree, "payload"), type.get().payloadType());
            return Optional.of(new EventEnvelope<>(
                    UUID.fromString(text(tree, "eventId")), typeName, required(tree, "schemaVersion").asInt(),
                    Instant.parse(text(tree, "occurredAt")), text(tree, "reference"), payload));
        }
        catch (JacksonException ex) {
            // Jackson's message quotes the value it could not read, a complainant's name as well as any:
            // the field's path only, and no cause, for this message goes to the logs and the dead letter's headers
            throw new UnreadableEventException(ex.getClass().getSimpleName() + " at " + ex.getPathReference(), null);
        }
        catch (IllegalArgumentException | DateTimeParseException ex) {
            // the envelope's own fields: an event id, a date
            throw new UnreadableEventException(ex.getMessage(), ex);
        }
    }

    private static JsonNode required(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            throw new UnreadableEventException("the event has no '" + field + "'", null);
        }
        return node;
    }

    private static String text(JsonNode tree, String field) {
        return required(tree, field).asString();
    }
}
