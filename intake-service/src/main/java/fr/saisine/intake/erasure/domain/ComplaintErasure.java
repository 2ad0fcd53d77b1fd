package fr.saisine.intake.erasure.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.ErasureOrdered;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.PersonalDataErased;
import fr.saisine.intake.attachment.domain.Attachments;
import fr.saisine.intake.complaint.domain.ComplaintRecords;
import fr.saisine.intake.complaint.domain.ErasedComplaint;
import fr.saisine.intake.datasubject.domain.AddressIndex;
import fr.saisine.intake.datasubject.domain.Addresses;
import fr.saisine.intake.followup.domain.ErasedCounts;
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
        eraseAll(List.of(new Order(order, orderId)));
    }

    /** An order and its event id, by which a redelivered order is known. */
    public record Order(ErasureOrdered order, String orderId) {
    }

    /**
     * Carries out a poll's orders at once, in the order above, each step one read or write by
     * {@code _id} for all their complaints. A complaint ordered erased twice in the poll is erased
     * by the first order and answered again for the second, as a later poll would.
     */
    public void eraseAll(List<Order> orders) {
        Instant now = clock.instant();
        Map<String, ErasedComplaint> done = new HashMap<>(complaints.erasedAll(
                orders.stream().map(each -> each.order().reference()).distinct().toList()));
        Map<String, Order> toErase = new LinkedHashMap<>();
        List<Order> again = new ArrayList<>();
        for (Order each : orders) {
            String reference = each.order().reference();
            ErasedComplaint before = done.get(reference);
            if (before != null && before.orders().contains(each.orderId())) {
                log.info("erasure order for {} already answered: redelivery ignored", reference);
            }
            else if (before != null || toErase.containsKey(reference)) {
                again.add(each);
            }
            else {
                toErase.put(reference, each);
            }
        }
        if (!toErase.isEmpty()) {
            erase(toErase, now);
        }
        for (Order each : again) {
            String reference = each.order().reference();
            if (toErase.get(reference) != null && toErase.get(reference).orderId().equals(each.orderId())) {
                continue; // the same order twice in the poll: answered once
            }
            complaints.answerAgain(reference, each.orderId(), answer(each.order(), Map.of(), now));
            log.info("{} was erased already: answered again, nothing erased", reference);
        }
    }

    private void erase(Map<String, Order> toErase, Instant now) {
        ErasedCounts erased = new ErasedCounts();
        Map<String, ComplaintSubmitted> filed = complaints.findAll(toErase.keySet());
        Map<String, String> complaintOfFile = new HashMap<>();
        List<Attachment> files = new ArrayList<>();
        Map<String, List<String>> addresses = new HashMap<>();
        filed.forEach((reference, complaint) -> {
            complaint.attachments().forEach(file -> complaintOfFile.put(file.id(), reference));
            files.addAll(complaint.attachments());
            addresses.put(reference, List.copyOf(Addresses.of(complaint)));
        });
        attachments.erase(files).forEach(id -> erased.add(complaintOfFile.get(id), "attachments", 1));
        // the address index's entries, like the follow-up links' listing, are not counted: they only point here
        addressIndex.removeAll(addresses);
        erased.addAll(followUp.eraseAll(toErase.keySet(), now));
        filed.keySet().forEach(reference -> erased.add(reference, "complaints", 1));
        complaints.tombstoneAll(toErase.values().stream().map(each -> new ComplaintRecords.Tombstone(
                new ErasedComplaint(each.order().reference(), now, each.order().rule(), each.order().runId(),
                        List.of(each.orderId())), answer(each.order(), erased.of(each.order().reference()), now)))
                .toList());
        // letters and links the other consumer stored while this ran: it looks for the tombstone
        // after each write, so whatever it wrote before the tombstone is caught here
        followUpRecords.eraseAll(toErase.keySet(), now);
        pages.erasedFrom(ERASED_FROM);
        toErase.values().forEach(each -> log.info("erased {} under {} (run {}): {}", each.order().reference(),
                each.order().rule(), each.order().runId(), erased.of(each.order().reference())));
    }

    private static EventEnvelope<PersonalDataErased> answer(ErasureOrdered order, Map<String, Long> erased,
            Instant now) {
        return EventEnvelope.wrap(new PersonalDataErased(order.reference(), SERVICE, order.runId(), Map.copyOf(erased),
                now), now);
    }
}
