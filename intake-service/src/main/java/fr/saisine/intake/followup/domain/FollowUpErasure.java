package fr.saisine.intake.followup.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.springframework.stereotype.Service;

import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.intake.attachment.domain.Attachments;

/**
 * Erases what the follow-up kept of a complaint: the complainant's requests (answers with their
 * files, withdrawals, requests for a fresh link), then the read model (case, letters, links). Every
 * record is found by {@code _id}, from what the case says (its versions number the questions, its
 * closures the withdrawals) and from the numbering of link requests; the case goes last, so that a
 * run stopped in the middle finds the same ids again.
 */
@Service
public class FollowUpErasure {

    private final FollowUpRecords records;
    private final ComplainantRequests requests;
    private final AnswerAttachments answerAttachments;
    private final Attachments attachments;

    FollowUpErasure(FollowUpRecords records, ComplainantRequests requests, AnswerAttachments answerAttachments,
            Attachments attachments) {
        this.records = records;
        this.requests = requests;
        this.answerAttachments = answerAttachments;
        this.attachments = attachments;
    }

    /**
     * Erases the follow-up of several complaints at once: each step one read or write by
     * {@code _id} for them all.
     *
     * @return how many records of each kind were erased, by complaint
     */
    public ErasedCounts eraseAll(Collection<String> references, Instant erasedAt) {
        ErasedCounts erased = new ErasedCounts();
        Map<String, FollowUpCase> cases = records.casesOf(references);
        List<String> possible = new ArrayList<>();
        references.forEach(reference -> possible.addAll(answersAndWithdrawals(reference,
                Optional.ofNullable(cases.get(reference)))));
        Set<String> found = new LinkedHashSet<>(requests.existing(possible));
        found.addAll(linkRequests(references));
        Map<String, String> referenceOfFile = new HashMap<>();
        List<Attachment> files = new ArrayList<>();
        requests.attachmentsOf(found.stream().filter(ComplainantActions::isAnswer).toList()).forEach((id, attached) -> {
            attached.forEach(file -> referenceOfFile.put(file.id(), ComplainantActions.referenceOf(id)));
            files.addAll(attached);
        });
        if (!files.isEmpty()) {
            attachments.erase(files).forEach(id -> erased.add(referenceOfFile.get(id), "answer_attachments", 1));
            answerAttachments.erase(files.stream().map(Attachment::id).toList());
        }
        requests.erase(found);
        found.forEach(id -> erased.add(ComplainantActions.referenceOf(id), "follow_up_requests", 1));
        erased.addAll(records.eraseAll(references, erasedAt));
        return erased;
    }

    /** Every answer and withdrawal the case could have had: a question per version, a withdrawal per opening. */
    private static List<String> answersAndWithdrawals(String reference, Optional<FollowUpCase> followUpCase) {
        List<String> ids = new ArrayList<>();
        followUpCase.ifPresent(c -> {
            LongStream.rangeClosed(1, c.version()).forEach(v -> ids.add(ComplainantActions.answerPrefix(reference) + v));
            IntStream.rangeClosed(0, c.closures()).forEach(n -> ids.add(ComplainantActions.withdrawalId(reference, n)));
        });
        return ids;
    }

    /** The link requests, numbered from 0: read a batch of each complaint's at a time until its batch is not full. */
    private Set<String> linkRequests(Collection<String> references) {
        Set<String> found = new LinkedHashSet<>();
        List<String> reading = List.copyOf(references);
        for (int from = 0; !reading.isEmpty(); from += ComplainantActions.LINK_REQUESTS_AT_ONCE) {
            int first = from;
            List<String> ids = reading.stream().flatMap(reference -> IntStream
                    .range(first, first + ComplainantActions.LINK_REQUESTS_AT_ONCE)
                    .mapToObj(n -> ComplainantActions.linkRequestId(reference, n))).toList();
            Set<String> existing = requests.existing(ids);
            found.addAll(existing);
            Map<String, Long> perReference = existing.stream()
                    .collect(Collectors.groupingBy(ComplainantActions::referenceOf, Collectors.counting()));
            reading = reading.stream()
                    .filter(reference -> perReference.getOrDefault(reference, 0L) == ComplainantActions.LINK_REQUESTS_AT_ONCE)
                    .toList();
        }
        return found;
    }
}
