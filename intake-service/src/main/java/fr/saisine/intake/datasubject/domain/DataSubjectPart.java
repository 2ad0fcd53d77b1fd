package fr.saisine.intake.datasubject.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import fr.saisine.events.AccessOutcome;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.intake.complaint.domain.AttachmentNotFoundException;
import fr.saisine.intake.complaint.domain.ComplainantFiles;
import fr.saisine.intake.complaint.domain.ComplaintRecords;
import fr.saisine.intake.complaint.domain.Reference;
import fr.saisine.intake.followup.domain.FollowUpHoldings;
import fr.saisine.platform.access.AccessAudit;
import fr.saisine.platform.access.AccessRefusedException;
import fr.saisine.platform.access.References;
import fr.saisine.platform.security.StaffMember;

/**
 * Intake's part of the answer to a data subject's request, for the DPO (the security chain lets
 * nobody else ask): every complaint that names the address, as filed, with its files listed and
 * what the follow-up holds for that address. Found through the address index, each complaint then
 * checked to name the address (an entry is a hint: it may outlive a complaint's erasure by a
 * moment). The read is recorded in the audit trail, with the references served, before anything
 * leaves.
 */
@Service
public class DataSubjectPart {

    private final AddressIndex index;
    private final ComplaintRecords complaints;
    private final ComplainantFiles laterFiles;
    private final FollowUpHoldings followUp;
    private final AccessAudit audit;

    DataSubjectPart(AddressIndex index, ComplaintRecords complaints, ComplainantFiles laterFiles,
            FollowUpHoldings followUp, AccessAudit audit) {
        this.index = index;
        this.complaints = complaints;
        this.laterFiles = laterFiles;
        this.followUp = followUp;
        this.audit = audit;
    }

    /** A file listed by what describes it; {@code answer} names the answer it was sent with, null for the complaint's. */
    public record File(String id, String filename, String contentType, long size, String sha256, String answer) {

        static File of(Attachment a, String answer) {
            return new File(a.id(), a.filename(), a.contentType(), a.size(), a.sha256(), answer);
        }
    }

    public record ComplaintHoldings(String reference, List<Addresses.Role> roles, ComplaintSubmitted complaint,
            List<File> files, FollowUpHoldings.Holdings followUp) {
    }

    /** @param address checked and normalised already ({@code DataSubjectAddress}) */
    public List<ComplaintHoldings> of(StaffMember dpo, String address) {
        List<ComplaintHoldings> found = new ArrayList<>();
        for (String reference : index.references(address).stream().sorted().toList()) {
            Optional<ComplaintSubmitted> complaint = complaints.find(new Reference(reference));
            if (complaint.isEmpty() || Addresses.rolesOf(address, complaint.get()).isEmpty()) {
                continue;
            }
            ComplaintSubmitted filed = complaint.get();
            var holdings = followUp.of(filed, address);
            List<File> files = new ArrayList<>(filed.attachments().stream().map(a -> File.of(a, null)).toList());
            holdings.requests().forEach(r -> r.attachments().forEach(a -> files.add(File.of(a, r.id()))));
            found.add(new ComplaintHoldings(reference, Addresses.rolesOf(address, filed), filed, files, holdings));
        }
        audit.record(dpo, found.stream().map(ComplaintHoldings::reference).toList(), AccessOutcome.ALLOWED,
                "data-subject request");
        return found;
    }

    /**
     * One file of a complaint that names the address, or of an answer to it: what the DPO's ZIP holds.
     *
     * @throws AccessRefusedException when the complaint does not name the address (or does not exist, or was erased)
     * @throws AttachmentNotFoundException when it names no such file
     */
    public Attachment file(StaffMember dpo, String address, String reference, String id) {
        References.checked(reference);
        Optional<ComplaintSubmitted> complaint = complaints.find(new Reference(reference))
                .filter(c -> !Addresses.rolesOf(address, c).isEmpty());
        if (complaint.isEmpty()) {
            audit.record(dpo, List.of(reference), AccessOutcome.REFUSED, "the complaint does not name the address");
            throw new AccessRefusedException("complaint " + reference);
        }
        audit.record(dpo, List.of(reference), AccessOutcome.ALLOWED, "data-subject request");
        return complaint.get().attachments().stream().filter(a -> a.id().equals(id)).findFirst()
                .or(() -> laterFiles.find(reference, id))
                .orElseThrow(() -> new AttachmentNotFoundException(reference, id));
    }
}
