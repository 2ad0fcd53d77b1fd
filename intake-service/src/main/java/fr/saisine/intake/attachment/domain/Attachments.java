package fr.saisine.intake.attachment.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.platform.logging.LogSafe;

/**
 * Keeps screened files in chunks and gives them back. Files are stored <em>before</em> the
 * complaint (or answer) that names them, which is written in one insert afterwards: a crash in
 * between leaves chunks nobody names, harmless, never a complaint naming missing chunks. For the
 * same reason, chunks are discarded only when it is certain that nothing names them.
 */
@Service
public class Attachments {

    private static final Logger log = LoggerFactory.getLogger(Attachments.class);

    private final AttachmentChunks chunks;
    private final int chunkSize;
    private final Clock clock;

    Attachments(AttachmentChunks chunks, AttachmentLimits limits, Clock clock) {
        this.chunks = chunks;
        this.clock = clock;
        this.chunkSize = Math.toIntExact(limits.chunkSize().toBytes());
    }

    /** Stores each file; if one fails, those already stored are discarded and the failure thrown. */
    public List<Attachment> store(List<ScreenedUpload> uploads) {
        List<Attachment> stored = new ArrayList<>();
        try {
            for (ScreenedUpload upload : uploads) {
                stored.add(store(upload));
            }
            return stored;
        }
        catch (RuntimeException ex) {
            discard(stored);
            throw ex;
        }
    }

    private Attachment store(ScreenedUpload upload) {
        String id = UUID.randomUUID().toString();
        chunks.markPending(id, clock.instant());
        MessageDigest sha256 = sha256();
        long size = 0;
        int n = 0;
        try (InputStream in = new DigestInputStream(upload.upload().open(), sha256)) {
            byte[] chunk;
            while ((chunk = in.readNBytes(chunkSize)).length > 0) {
                chunks.insert(id, n++, chunk);
                size += chunk.length;
            }
        }
        catch (IOException ex) {
            discard(id, size);
            throw new UncheckedIOException(ex);
        }
        catch (RuntimeException ex) {
            discard(id, size);
            throw ex;
        }
        return new Attachment(id, upload.filename(), upload.contentType(), size,
                HexFormat.of().formatHex(sha256.digest()));
    }

    /**
     * The files are named by the complaint or answer they were stored for, now recorded: no longer
     * pending. Not thrown: the filing is done; a file left marked is checked before it is purged.
     */
    public void attached(List<Attachment> attachments) {
        try {
            chunks.settle(attachments.stream().map(Attachment::id).toList());
        }
        catch (RuntimeException ex) {
            log.warn("{} attachment(s) filed but still marked pending: the purge checks them first: {}",
                    attachments.size(), ex.toString());
        }
    }

    /**
     * Up to {@code limit} files stored before {@code before} and still pending: nothing was known
     * to name them when they were last seen (a crash, a failure after which the complaint may or
     * may not have been written), to be checked before they are purged.
     */
    public List<String> pendingBefore(Instant before, int limit) {
        return chunks.pendingBefore(before, limit);
    }

    /** Files found named after all: settled, kept. */
    public void settle(Collection<String> ids) {
        chunks.settle(ids);
    }

    /**
     * Erases abandoned files, whose size nothing records: their chunks from the first until one is
     * missing, then their marks.
     *
     * @return how many had chunks
     */
    public long eraseAbandoned(Collection<String> ids) {
        long erased = 0;
        for (String id : ids) {
            int n = 0;
            while (chunks.delete(id, n)) {
                n++;
            }
            erased += n > 0 ? 1 : 0;
        }
        chunks.settle(ids);
        return erased;
    }

    /** The content of a stored attachment, read a chunk at a time. */
    public InputStream open(Attachment attachment) {
        return new ChunkedContent(chunks, attachment.id(), attachment.size());
    }

    /** Removes files that nothing names (a submission refused, or answered by an earlier one). */
    public void discard(List<Attachment> attachments) {
        for (Attachment attachment : attachments) {
            discard(attachment.id(), attachment.size());
        }
    }

    /**
     * Erases the files of complaints or answers, each chunk by its {@code _id}: those the sizes
     * say, all at once, then on while more are found (a chunk size changed since they were stored).
     * A failure is thrown, for an erasure must be done again rather than left half done.
     *
     * @return the ids of the files that had chunks left (none on a repeated erasure)
     */
    public Set<String> erase(List<Attachment> attachments) {
        List<AttachmentChunks.Chunk> expected = new ArrayList<>();
        List<AttachmentChunks.Chunk> after = new ArrayList<>();
        for (Attachment attachment : attachments) {
            int count = (int) Math.max(1, (attachment.size() + chunkSize - 1) / chunkSize);
            for (int n = 0; n < count; n++) {
                expected.add(new AttachmentChunks.Chunk(attachment.id(), n));
            }
            after.add(new AttachmentChunks.Chunk(attachment.id(), count));
        }
        Set<String> found = new HashSet<>();
        chunks.deleteAll(expected).forEach(chunk -> found.add(chunk.id()));
        while (!after.isEmpty()) {
            Set<AttachmentChunks.Chunk> more = chunks.deleteAll(after);
            more.forEach(chunk -> found.add(chunk.id()));
            after = more.stream().map(chunk -> new AttachmentChunks.Chunk(chunk.id(), chunk.n() + 1)).toList();
        }
        return found;
    }

    private void discard(String id, long size) {
        try {
            for (int n = 0; (long) n * chunkSize < Math.max(size, 1); n++) {
                chunks.delete(id, n);
            }
            chunks.settle(List.of(id));
        }
        catch (RuntimeException ex) {
            log.warn("chunks of attachment {} not discarded; nothing names them: {}", id, LogSafe.describe(ex));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }
}
