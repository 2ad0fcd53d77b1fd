package fr.saisine.intake.attachment.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the bytes are kept: chunk n of attachment {@code id} under the key {@code <id>:<n>}, written
 * and read by that key alone (the only lookup FerretDB serves without reading every chunk stored).
 */
public interface AttachmentChunks {

    void insert(String id, int n, byte[] bytes);

    Optional<byte[]> find(String id, int n);

    /**
     * Notes that attachment {@code id} is being stored and nothing names it yet, before its first
     * chunk: what the purge of abandoned uploads looks for.
     */
    void markPending(String id, Instant at);

    /** The attachments are named by what they were stored for (or discarded): no longer pending. */
    void settle(Collection<String> ids);

    /** Up to {@code limit} attachments pending since before {@code before}. */
    List<String> pendingBefore(Instant before, int limit);

    /** @return false when there was no such chunk */
    boolean delete(String id, int n);

    /** Chunk {@code n} of attachment {@code id}. */
    record Chunk(String id, int n) {
    }

    /** Deletes these chunks, a read and a delete by {@code _id} for them all: those there were. */
    Set<Chunk> deleteAll(Collection<Chunk> chunks);
}
