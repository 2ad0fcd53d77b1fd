package fr.saisine.platform.events;

/**
 * The poll did not reach the function as the records' bytes, one each: a misconfigured binding, or
 * a library that converts differently. No record of it can be handled or dead-lettered for its own
 * sake, so the consumer stops ({@link BatchDeadLetters}) rather than commit the poll unread.
 */
public class UnreadablePollException extends RuntimeException {

    public UnreadablePollException(String message) {
        super(message);
    }
}
