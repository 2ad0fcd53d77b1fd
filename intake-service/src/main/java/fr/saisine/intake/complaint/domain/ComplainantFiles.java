package fr.saisine.intake.complaint.domain;

import java.util.Optional;

import fr.saisine.events.ComplaintSubmitted.Attachment;

/**
 * The files a complainant sent after filing (with an answer to the authority's question), which
 * staff download under the complaint's reference like the complaint's own.
 */
public interface ComplainantFiles {

    /** The file, if one of the complaint's answers names it. */
    Optional<Attachment> find(String reference, String attachmentId);
}
