package fr.saisine.platform.events;

import java.nio.charset.StandardCharsets;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

import fr.saisine.platform.tracing.EventTracing;

/**
 * Sends an event's JSON to an output binding, keyed by the complaint reference. The bindings
 * are configured {@code sync}, so a send that returns has been acknowledged by the broker.
 */
public final class EventPublisher {

    /** Names the event's type outside its body, so a reader can tell it without parsing the JSON. */
    public static final String EVENT_TYPE_HEADER = "saisine_eventType";

    private final StreamBridge streamBridge;
    private final EventTracing tracing;

    public EventPublisher(StreamBridge streamBridge, EventTracing tracing) {
        this.streamBridge = streamBridge;
        this.tracing = tracing;
    }

    /** Publishes in the trace of the work in progress (its {@code traceparent} travels with the event). */
    public void publish(String binding, String reference, String type, String json) {
        send(binding, reference, type, json, tracing.current());
    }

    /**
     * Publishes an event stored earlier, in the trace of the work that stored it
     * ({@code traceparent}, null when it had none), with its reference in the log context.
     */
    public void publishStored(String traceparent, String binding, String reference, String type, String json) {
        tracing.continueTrace(traceparent, "publish " + type, reference,
                () -> send(binding, reference, type, json, tracing.current()));
    }

    private void send(String binding, String reference, String type, String json, String traceparent) {
        MessageBuilder<byte[]> builder = MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, reference.getBytes(StandardCharsets.UTF_8))
                .setHeader(EVENT_TYPE_HEADER, type);
        if (traceparent != null) {
            builder.setHeader(EventTracing.TRACEPARENT, traceparent);
        }
        Message<byte[]> message = builder
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
        if (!streamBridge.send(binding, message)) {
            throw new IllegalStateException("binding " + binding + " refused the event for " + reference);
        }
    }
}
