package fr.saisine.intake.attachment.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import fr.saisine.intake.attachment.domain.AttachmentChunks;
import fr.saisine.platform.store.ByIds;

/**
 * Chunks in {@code attachment_chunks}, one document each, {@code _id} = {@code <attachment id>:<n>}.
 * Not GridFS: its driver reads a file's chunks with {@code {files_id: …, n: {$gte: …}}}, a filter
 * FerretDB answers by reading every chunk ever stored (docs/ferretdb.md); here every read is an
 * {@code _id} lookup, whose cost does not grow with the number of attachments kept.
 */
@Component
class MongoAttachmentChunks implements AttachmentChunks {

    static final String COLLECTION = "attachment_chunks";
    /** One small document per upload not yet named by a complaint or an answer: a short list, the backlog. */
    static final String PENDING = "pending_uploads";

    private final MongoCollection<Document> chunks;
    private final MongoCollection<Document> pending;

    MongoAttachmentChunks(MongoTemplate mongo) {
        this.chunks = mongo.getCollection(COLLECTION);
        this.pending = mongo.getCollection(PENDING);
    }

    @Override
    public void markPending(String id, Instant at) {
        pending.insertOne(new Document("_id", id).append("at", Date.from(at)));
    }

    @Override
    public void settle(Collection<String> ids) {
        if (!ids.isEmpty()) {
            pending.deleteMany(Filters.in("_id", List.copyOf(ids)));
        }
    }

    /** A scan on FerretDB, of the short list of uploads in progress or abandoned. */
    @Override
    public List<String> pendingBefore(Instant before, int limit) {
        return pending.find(Filters.lt("at", Date.from(before))).limit(limit).map(d -> d.getString("_id"))
                .into(new ArrayList<>());
    }

    @Override
    public void insert(String id, int n, byte[] bytes) {
        chunks.insertOne(new Document("_id", key(id, n)).append("data", new Binary(bytes)));
    }

    @Override
    public Optional<byte[]> find(String id, int n) {
        return Optional.ofNullable(chunks.find(Filters.eq("_id", key(id, n))).first())
                .map(chunk -> chunk.get("data", Binary.class).getData());
    }

    @Override
    public boolean delete(String id, int n) {
        return chunks.deleteOne(Filters.eq("_id", key(id, n))).getDeletedCount() > 0;
    }

    @Override
    public Set<Chunk> deleteAll(Collection<Chunk> wanted) {
        Map<String, Chunk> byKey = new HashMap<>();
        wanted.forEach(chunk -> byKey.put(key(chunk.id(), chunk.n()), chunk));
        List<String> there = ByIds.read(chunks, byKey.keySet(), new Document("_id", 1)).stream()
                .map(chunk -> chunk.getString("_id")).toList();
        ByIds.delete(chunks, there);
        return there.stream().map(byKey::get).collect(Collectors.toSet());
    }

    private static String key(String id, int n) {
        return id + ":" + n;
    }
}
