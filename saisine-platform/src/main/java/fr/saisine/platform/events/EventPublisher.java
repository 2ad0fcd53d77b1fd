package fr.saisine.platform.events;

import java.nio.charset.StandardCharsets;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Sends an event's JSON to an output binding, keyed by the complaint reference. The bindings
 * are configured {@code sync}, so a send that returns has been acknowledged by the broker.
 */
public final class EventPublisher {

    /** Names the event's type outside its body, so a reader can tell it without parsing the JSON. */
    public static final String EVENT_TYPE_HEADER = "saisine_eventType";

    private final StreamBridge streamBridge;

    public EventPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    public void publish(String binding, String reference, String type, String json) {
        Message<byte[]> message = MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, reference.getBytes(StandardCharsets.UTF_8))
                .setHeader(EVENT_TYPE_HEADER, type)
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .build();
        if (!streamBridge.send(binding, message)) {
            throw new IllegalStateException("binding " + binding + " refused the event for " + reference);
        }
    }
}
