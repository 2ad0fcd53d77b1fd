package fr.saisine.intake.attachment.persistence;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Which uploads the documents of a collection name in their {@code state.attachments}: what the
 * purge of abandoned uploads asks of the complaints and of the answers before it erases a file.
 * It reads every document that has attachments (on FerretDB a scan of the collection), so it is
 * for the daily purge, and only when uploads are pending.
 */
public final class NamedAttachments {

    private NamedAttachments() {
    }

    public static Set<String> in(MongoCollection<Document> collection, Collection<String> attachmentIds) {
        Set<String> wanted = Set.copyOf(attachmentIds);
        Set<String> named = new HashSet<>();
        if (wanted.isEmpty()) {
            return named;
        }
        for (Document stored : collection.find(Filters.exists("state.attachments.0"))
                .projection(Projections.include("state.attachments._id", "state.attachments.id"))) {
            Document state = stored.get("state", Document.class);
            for (Document attachment : state.getList("attachments", Document.class, List.of())) {
                // Spring Data writes an embedded record's id as _id
                String id = attachment.containsKey("_id") ? attachment.getString("_id") : attachment.getString("id");
                if (wanted.contains(id)) {
                    named.add(id);
                }
            }
        }
        return named;
    }
}
