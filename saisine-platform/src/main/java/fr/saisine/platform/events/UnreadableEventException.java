package fr.saisine.platform.events;

/**
 * The bytes on the topic are not a Saisine event. Not retryable: the binder sends such a
 * record straight to the dead-letter topic, with this message in its headers.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message, Throwable cause) {
        super("unreadable event: " + message, cause);
    }
}
