package fr.saisine.notification.message.persistence;

/** Field names of the {@code messages} collection, shared by the store and the senders. */
public final class MessageFields {

    public static final String COLLECTION = "messages";
    public static final String REFERENCE = "reference";
    public static final String STATUS = "status";
    public static final String ATTEMPTS = "attempts";
    public static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    public static final String SENT_AT = "sentAt";
    public static final String LAST_ERROR = "lastError";

    private MessageFields() {
    }
}
