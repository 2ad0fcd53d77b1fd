package fr.saisine.intake.followup.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.springframework.stereotype.Service;

import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.platform.appeal.AppealDeadline;

/**
 * What the follow-up holds of one complaint that concerns one address, for the DPO's answer to a
 * data subject: the links issued to that address (never a token: this service has only their
 * hashes, and shows not even those), when each was issued and until when it opens the file; the
 * case as the complainant sees it; the letters to that address; what was asked through the links
 * (answers, withdrawals, requests for a fresh link), with the files sent. Every record is found by
 * {@code _id}, as the erasure finds them ({@link FollowUpErasure}).
 */
@Service
public class FollowUpHoldings {

    private final FollowUpRecords records;
    private final ComplainantRequests requests;

    FollowUpHoldings(FollowUpRecords records, ComplainantRequests requests) {
        this.records = records;
        this.requests = requests;
    }

    /**
     * @param validUntil the last day the link opens the file, once the case is closed (the appeal's
     *        last day); null while it is open
     */
    public record Link(String recipient, Instant issuedAt, LocalDate validUntil) {
    }

    /** @param kind answer, withdrawal or link (a request for a fresh link) */
    public record Request(String id, String kind, List<Attachment> attachments) {
    }

    public record Holdings(FollowUpCase followUpCase, List<Link> links, List<SentLetter> letters,
            List<Request> requests) {
    }

    public Holdings of(ComplaintSubmitted complaint, String address) {
        String reference = complaint.reference();
        Optional<FollowUpCase> followUpCase = records.caseOf(reference).map(c -> c.filedAt(complaint.submittedAt()));
        LocalDate validUntil = followUpCase.filter(FollowUpCase::isClosed)
                .map(c -> AppealDeadline.lastDay(LocalDate.ofInstant(c.statusAt(), FollowUpReading.FRANCE),
                        complaint.complainant() == null ? null : complaint.complainant().residence()))
                .orElse(null);
        List<Link> links = records.links(reference).stream().filter(l -> address.equalsIgnoreCase(l.recipient().strip()))
                .map(l -> new Link(l.recipient(), l.issuedAt(), validUntil)).toList();
        List<SentLetter> letters = records.letters(reference).stream()
                .filter(l -> address.equalsIgnoreCase(l.recipient().strip())).toList();
        return new Holdings(followUpCase.orElse(null), links, letters, requests(reference, followUpCase));
    }

    private List<Request> requests(String reference, Optional<FollowUpCase> followUpCase) {
        List<String> ids = new ArrayList<>();
        followUpCase.ifPresent(c -> {
            LongStream.rangeClosed(1, c.version()).forEach(v -> ids.add(ComplainantActions.answerPrefix(reference) + v));
            IntStream.rangeClosed(0, c.closures()).forEach(n -> ids.add(ComplainantActions.withdrawalId(reference, n)));
        });
        for (int n = 0; ; n++) {
            String id = ComplainantActions.linkRequestId(reference, n);
            if (!requests.exists(id)) {
                break;
            }
            ids.add(id);
        }
        var found = requests.existing(ids);
        return ids.stream().filter(found::contains).map(id -> new Request(id, kindOf(id),
                id.contains(":answer:") ? requests.attachments(id) : List.of())).toList();
    }

    private static String kindOf(String id) {
        return id.contains(":answer:") ? "answer" : id.contains(":withdrawal:") ? "withdrawal" : "link";
    }
}
