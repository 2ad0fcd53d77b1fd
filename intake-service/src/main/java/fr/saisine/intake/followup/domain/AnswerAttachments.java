package fr.saisine.intake.followup.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import fr.saisine.events.ComplaintSubmitted.Attachment;

/**
 * Which answer each answer's file belongs to, by the file's id: what a download, which names only
 * the reference and the file, needs to find it with lookups by {@code _id} alone.
 */
public interface AnswerAttachments {

    /**
     * Written before the answer itself: a crash in between leaves an entry that points to an answer
     * not recorded (or recorded without this file), which {@link AnsweredFiles} checks and ignores.
     */
    void index(String answerId, List<Attachment> attachments);

    /** The id of the answer the file was sent with. */
    Optional<String> answerOf(String attachmentId);

    /** Erases the index entries of these files: how many there were. */
    long erase(Collection<String> attachmentIds);
}
