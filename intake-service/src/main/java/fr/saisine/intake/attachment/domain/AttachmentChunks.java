package fr.saisine.intake.attachment.domain;

import java.util.Optional;

/**
 * Where the bytes are kept: chunk n of attachment {@code id} under the key {@code <id>:<n>}, written
 * and read by that key alone (the only lookup FerretDB serves without reading every chunk stored).
 */
public interface AttachmentChunks {

    void insert(String id, int n, byte[] bytes);

    Optional<byte[]> find(String id, int n);

    /** @return false when there was no such chunk */
    boolean delete(String id, int n);
}
