package fr.saisine.platform.outbox;

/**
 * The fields every document with an outbox has. {@code version} is bumped by every write, so
 * the relay clears only the entries it has published: a write that raced it keeps its own.
 */
public final class OutboxFields {

    public static final String OUTBOX = "outbox";
    public static final String PENDING = "outboxPending";
    public static final String VERSION = "version";

    private OutboxFields() {
    }
}
