package fr.saisine.intake.attachment.domain;

import java.io.IOException;
import java.io.InputStream;

/**
 * An attachment's bytes, read chunk by chunk by {@code _id} ({@code <id>:0}, {@code <id>:1}, ...)
 * until its size is reached, so that a 10 MB download holds one chunk in memory at a time and
 * costs as many lookups by key as it has chunks, however many attachments are stored.
 */
final class ChunkedContent extends InputStream {

    private final AttachmentChunks chunks;
    private final String id;
    private final long size;
    private long delivered;
    private int next;
    private byte[] current = new byte[0];
    private int position;

    ChunkedContent(AttachmentChunks chunks, String id, long size) {
        this.chunks = chunks;
        this.id = id;
        this.size = size;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == current.length) {
            if (delivered >= size) {
                return -1;
            }
            current = chunks.find(id, next).orElseThrow(
                    () -> new IOException("chunk " + next + " of attachment " + id + " is missing"));
            next++;
            position = 0;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        delivered += n;
        return n;
    }
}
