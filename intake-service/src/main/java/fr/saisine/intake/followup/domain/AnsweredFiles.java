package fr.saisine.intake.followup.domain;

import java.util.Optional;

import org.springframework.stereotype.Service;

import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.intake.complaint.domain.ComplainantFiles;

/**
 * The files sent with answers, found for a download: only if the answer they are indexed under is
 * one of this complaint's, was recorded, and names them.
 */
@Service
class AnsweredFiles implements ComplainantFiles {

    private final AnswerAttachments index;
    private final ComplainantRequests requests;

    AnsweredFiles(AnswerAttachments index, ComplainantRequests requests) {
        this.index = index;
        this.requests = requests;
    }

    @Override
    public Optional<Attachment> find(String reference, String attachmentId) {
        return index.answerOf(attachmentId)
                .filter(answerId -> answerId.startsWith(ComplainantActions.answerPrefix(reference)))
                .flatMap(answerId -> requests.attachments(answerId).stream()
                        .filter(a -> a.id().equals(attachmentId)).findFirst());
    }
}
