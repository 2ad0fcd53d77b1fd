package fr.saisine.ops.dlq;

import java.time.Instant;
import java.util.Map;

/**
 * A record a consumer could not handle, as its binder wrote it to a dead-letter topic: the
 * original record (key, value, headers) and the binder's {@code x-original-*} and
 * {@code x-exception-*} headers saying where it came from and why it failed.
 */
public record DeadLetter(String topic, int partition, long offset, Instant at, String key, String value,
        Map<String, String> headers) {

    /** How an operator names it: {@code partition:offset} within its dead-letter topic. */
    public String id() {
        return partition + ":" + offset;
    }

    public String originalTopic() {
        return headers.get("x-original-topic");
    }

    /**
     * Why the consumer gave up: the deepest cause of the stack trace the binder recorded (its own
     * message is often a wrapper's, "error occurred in message handler"), else its message.
     */
    public String reason() {
        String stackTrace = headers.getOrDefault("x-exception-stacktrace", "");
        String cause = stackTrace.lines().filter(line -> line.startsWith("Caused by: "))
                .reduce((first, last) -> last).map(line -> line.substring("Caused by: ".length())).orElse(null);
        return cause != null ? cause : headers.getOrDefault("x-exception-message", "(no reason recorded)");
    }

    public String eventType() {
        return headers.getOrDefault("saisine_eventType", "?");
    }

    /** The headers the original record had, without those the binder added on dead-lettering it. */
    public Map<String, String> originalHeaders() {
        Map<String, String> original = new java.util.LinkedHashMap<>(headers);
        original.keySet().removeIf(name -> name.startsWith("x-original-") || name.startsWith("x-exception-"));
        return original;
    }
}
