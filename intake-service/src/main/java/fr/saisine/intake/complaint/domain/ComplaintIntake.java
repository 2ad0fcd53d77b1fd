package fr.saisine.intake.complaint.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.Language;
import fr.saisine.intake.datasubject.domain.AddressIndex;
import fr.saisine.intake.datasubject.domain.Addresses;
import fr.saisine.platform.access.CaseAccess;
import fr.saisine.platform.access.CaseSectors;
import fr.saisine.platform.security.StaffMember;

/** Files a complaint: gives it its reference and records it with its {@code ComplaintSubmitted} event. */
@Service
public class ComplaintIntake {

    private static final Logger log = LoggerFactory.getLogger(ComplaintIntake.class);
    /** Each retry follows another instance's insert, so many in a row means something is broken. */
    static final int MAX_ALLOCATION_ATTEMPTS = 100;

    private final ReferenceAllocator references;
    private final ComplaintRecords records;
    private final CaseAccess access;
    private final CaseSectors sectors;
    private final ComplainantFiles laterFiles;
    private final AddressIndex addressIndex;
    private final Clock clock;
    private final ZoneId referenceZone;

    ComplaintIntake(ReferenceAllocator references, ComplaintRecords records, CaseAccess access, CaseSectors sectors,
            ComplainantFiles laterFiles, AddressIndex addressIndex, Clock clock,
            @Value("${saisine.intake.reference-zone}") ZoneId referenceZone) {
        this.references = references;
        this.records = records;
        this.access = access;
        this.sectors = sectors;
        this.laterFiles = laterFiles;
        this.addressIndex = addressIndex;
        this.clock = clock;
        this.referenceZone = referenceZone;
    }

    public SubmittedComplaint submit(NewComplaint complaint) {
        Instant now = clock.instant();
        int year = now.atZone(referenceZone).getYear();
        for (int attempt = 1; attempt <= MAX_ALLOCATION_ATTEMPTS; attempt++) {
            Reference reference = references.next(year);
            ComplaintSubmitted submitted = new ComplaintSubmitted(reference.value(), now, complaint.complainant(),
                    complaint.respondent(), complaint.category(), complaint.subject(), complaint.facts(),
                    complaint.language() == null ? Language.fr : complaint.language(), complaint.attachments());
            if (records.add(EventEnvelope.wrap(submitted, now))) {
                references.taken(reference, year);
                // after the complaint, never before: a reference lost to another instance must not be listed
                // under this person's address (a crash in between leaves the complaint unlisted: docs/operations.md)
                addressIndex.index(reference.value(), Addresses.of(submitted));
                return new SubmittedComplaint(reference.value(), "SUBMITTED", now);
            }
            log.debug("reference {} was taken by another instance; catching up", reference);
            references.resync(year);
        }
        throw new IllegalStateException("no free reference found in " + MAX_ALLOCATION_ATTEMPTS + " attempts");
    }

    /**
     * The complaint as filed, for staff of the sector its case is in now; the read is recorded
     * before the complaint leaves.
     *
     * @throws fr.saisine.platform.access.AccessRefusedException when it is not in the reader's
     *         sectors, or not routed yet, or does not exist
     * @throws ComplaintErasedException when its personal data was erased (the rule and the record come first)
     */
    public ComplaintSubmitted read(StaffMember staff, String reference) {
        access.checkCase(staff, reference, sectors.sectorOf(reference));
        Reference ref = new Reference(reference);
        return records.find(ref).orElseThrow(() -> records.erased(ref).<RuntimeException>map(ComplaintErasedException::new)
                .orElseGet(() -> new ComplaintNotFoundException(reference)));
    }

    /**
     * One attachment of a complaint, or of an answer to it, under the same rule and record as the
     * complaint itself.
     *
     * @throws AttachmentNotFoundException when the complaint, which the reader may see, names no such file
     */
    public Attachment readAttachment(StaffMember staff, String reference, String id) {
        return read(staff, reference).attachments().stream().filter(a -> a.id().equals(id)).findFirst()
                .or(() -> laterFiles.find(reference, id))
                .orElseThrow(() -> new AttachmentNotFoundException(reference, id));
    }
}
