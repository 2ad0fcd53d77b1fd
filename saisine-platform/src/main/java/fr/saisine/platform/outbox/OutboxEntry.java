package fr.saisine.platform.outbox;

import org.bson.Document;

import fr.saisine.events.EventEnvelope;
import fr.saisine.platform.events.EventJson;

/**
 * An event in a document's {@code outbox} list: written in the same single-document write as the
 * change it announces, so neither is ever kept without the other. The list stays, as the
 * document's record of what it announced; {@link Outbox} markers say what is still to publish.
 */
public record OutboxEntry(String eventId, String type, String reference, String json, String traceparent) {

    public static OutboxEntry of(EventEnvelope<?> envelope, EventJson json) {
        return of(envelope, json, null);
    }

    /** @param traceparent the trace of the work that made the change, which the event's readers continue; may be null */
    public static OutboxEntry of(EventEnvelope<?> envelope, EventJson json, String traceparent) {
        return new OutboxEntry(envelope.eventId().toString(), envelope.type(), envelope.reference(), json.write(envelope),
                traceparent);
    }

    /** The entry as stored, for writes made through the driver rather than Spring Data. */
    public Document asDocument() {
        return new Document("eventId", eventId).append("type", type).append("reference", reference)
                .append("json", json).append("traceparent", traceparent);
    }
}
