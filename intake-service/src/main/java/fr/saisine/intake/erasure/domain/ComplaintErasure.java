package fr.saisine.intake.erasure.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.ErasureOrdered;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.PersonalDataErased;
import fr.saisine.intake.attachment.domain.Attachments;
import fr.saisine.intake.complaint.domain.ComplaintRecords;
import fr.saisine.intake.complaint.domain.ErasedComplaint;
import fr.saisine.intake.complaint.domain.Reference;
import fr.saisine.intake.datasubject.domain.AddressIndex;
import fr.saisine.intake.datasubject.domain.Addresses;
import fr.saisine.intake.followup.domain.FollowUpErasure;
import fr.saisine.intake.followup.domain.FollowUpRecords;
import fr.saisine.platform.store.ErasedPages;

/**
 * Erases what intake holds of one complaint on triage's order, and answers it. Everything else
 * first (the complaint's files, the follow-up's requests, answers and their files, case, letters
 * and links), then the complaint itself, replaced by its tombstone in the one write that also
 * carries the answer: a run stopped before that write is repeated whole by the order's redelivery
 * (the deletions find less, the complaint is still there to be counted), and once it is written
 * the complaint is erased and answered together. An order for a complaint erased already erases
 * nothing and is answered again, with no counts; the same order redelivered is answered once.
 * Kept: the tombstone (reference, when, rule, run), the case's sector ({@code case_sectors}, no
 * one's data, for the sector rule still decides who is told it is gone), and the reference's
 * high-water mark.
 */
@Service
public class ComplaintErasure {

    private static final Logger log = LoggerFactory.getLogger(ComplaintErasure.class);
    static final String SERVICE = "intake";
    /** Where the erasure deletes or rewrites: compacted soon after, so that no file keeps it. */
    private static final List<String> ERASED_FROM = List.of("complaints", "attachment_chunks", "follow_up_requests",
            "answer_attachments", "follow_up_cases", "follow_up_letters", "follow_up_links", "follow_up_link_index",
            "data_subject_index");

    private final ComplaintRecords complaints;
    private final FollowUpErasure followUp;
    private final FollowUpRecords followUpRecords;
    private final Attachments attachments;
    private final AddressIndex addressIndex;
    private final Clock clock;
    private final ErasedPages pages;

    ComplaintErasure(ComplaintRecords complaints, FollowUpErasure followUp, FollowUpRecords followUpRecords,
            Attachments attachments, AddressIndex addressIndex, Clock clock, ErasedPages pages) {
        this.complaints = complaints;
        this.followUp = followUp;
        this.followUpRecords = followUpRecords;
        this.attachments = attachments;
        this.addressIndex = addressIndex;
        this.clock = clock;
        this.pages = pages;
    }

    /** @param orderId the order's event id, by which a redelivered order is known */
    public void erase(ErasureOrdered order, String orderId) {
        Reference reference = new Reference(order.reference());
        Instant now = clock.instant();
        Optional<ErasedComplaint> done = complaints.erased(reference);
        if (done.isPresent()) {
            if (done.get().orders().contains(orderId)) {
                log.info("erasure order for {} already answered: redelivery ignored", reference);
            }
            else {
                complaints.answerAgain(reference.value(), orderId, answer(order, Map.of(), now));
                log.info("{} was erased already ({}): answered again, nothing erased", reference, done.get().erasedAt());
            }
            return;
        }
        Map<String, Long> erased = new LinkedHashMap<>();
        Optional<ComplaintSubmitted> complaint = complaints.find(reference);
        complaint.ifPresent(filed -> count(erased, "attachments", attachments.erase(filed.attachments())));
        // the address index's entries, like the follow-up links' listing, are not counted: they only point here
        complaint.ifPresent(filed -> addressIndex.remove(reference.value(), Addresses.of(filed)));
        followUp.erase(reference.value(), now).forEach((kind, count) -> count(erased, kind, count));
        if (complaint.isPresent()) {
            erased.put("complaints", 1L);
        }
        complaints.tombstone(new ErasedComplaint(reference.value(), now, order.rule(), order.runId(), List.of(orderId)),
                answer(order, erased, now));
        // letters and links the other consumer stored while this ran: it looks for the tombstone
        // after each write, so whatever it wrote before the tombstone is caught here
        followUpRecords.erase(reference.value(), now);
        pages.erasedFrom(ERASED_FROM);
        log.info("erased {} under {} (run {}): {}", reference, order.rule(), order.runId(), erased);
    }

    private static EventEnvelope<PersonalDataErased> answer(ErasureOrdered order, Map<String, Long> erased,
            Instant now) {
        return EventEnvelope.wrap(new PersonalDataErased(order.reference(), SERVICE, order.runId(), Map.copyOf(erased),
                now), now);
    }

    private static void count(Map<String, Long> erased, String kind, long count) {
        if (count > 0) {
            erased.merge(kind, count, Long::sum);
        }
    }
}
