package fr.saisine.intake.complaint.domain;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.intake.attachment.domain.Attachments;
import fr.saisine.intake.attachment.domain.ScreenedUpload;

/**
 * Files a complaint with its attachments: the files first, then the complaint that names them in
 * its one insert (so no complaint ever names missing files). When the key shows an earlier request
 * filed the complaint, or is filing it, the files this request stored are named by nothing and are
 * discarded. When filing fails they are left: the failure may have come after the complaint was
 * written (a lost answer from the database), and a file left over is harmless where a complaint
 * naming a deleted file is not.
 */
@Service
public class AttachedFiling {

    private final ComplaintIntake intake;
    private final KeyedIntake keyedIntake;
    private final Attachments attachments;

    AttachedFiling(ComplaintIntake intake, KeyedIntake keyedIntake, Attachments attachments) {
        this.intake = intake;
        this.keyedIntake = keyedIntake;
        this.attachments = attachments;
    }

    public SubmittedComplaint submit(NewComplaint complaint, List<ScreenedUpload> uploads) {
        List<Attachment> stored = attachments.store(uploads);
        SubmittedComplaint submitted = intake.submit(complaint.with(stored));
        attachments.attached(stored);
        return submitted;
    }

    /**
     * @param fingerprint the request's fingerprint given the files as stored (their digests): a retry
     *        with the same files matches its original
     */
    public KeyedSubmission submit(SubmissionKey key, Function<List<Attachment>, String> fingerprint,
            NewComplaint complaint, List<ScreenedUpload> uploads, Duration patience) {
        List<Attachment> stored = attachments.store(uploads);
        KeyedSubmission outcome = keyedIntake.submit(key, fingerprint.apply(stored), complaint.with(stored), patience);
        if (outcome instanceof KeyedSubmission.Filed) {
            attachments.attached(stored);
        }
        else {
            attachments.discard(stored);
        }
        return outcome;
    }
}
