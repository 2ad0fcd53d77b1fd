package fr.saisine.bench;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;

/**
 * Reads notification-events from its current end and keeps, per reference, when its
 * acknowledgement was sent: the moment notification-service recorded it as SENT.
 */
final class AcknowledgementWatcher extends TopicWatcher {

    private final Map<String, Instant> sentAt = new ConcurrentHashMap<>();

    AcknowledgementWatcher(String bootstrap, String topic) {
        super(bootstrap, topic);
    }

    @Override
    void seen(String key, JsonNode event) {
        if ("NotificationDelivered".equals(event.path("type").asString())
                && "ACKNOWLEDGEMENT".equals(event.at("/payload/kind").asString())) {
            sentAt.putIfAbsent(key, Instant.parse(event.at("/payload/sentAt").asString()));
        }
    }

    Instant sentAt(String reference) {
        return sentAt.get(reference);
    }

    int count(Iterable<String> references) {
        int n = 0;
        for (String reference : references) {
            n += sentAt.containsKey(reference) ? 1 : 0;
        }
        return n;
    }
}
