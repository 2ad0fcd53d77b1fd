package fr.saisine.intake.followup.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** @return how many records of each kind were erased (kinds with none left out) */
    public Map<String, Long> erase(String reference, Instant erasedAt) {
        Map<String, Long> erased = new LinkedHashMap<>();
        Optional<FollowUpCase> followUpCase = records.caseOf(reference);
        Set<String> found = new LinkedHashSet<>(requests.existing(answersAndWithdrawals(reference, followUpCase)));
        found.addAll(linkRequests(reference));
        List<Attachment> files = new ArrayList<>();
        found.stream().filter(id -> id.startsWith(ComplainantActions.answerPrefix(reference)))
                .forEach(id -> files.addAll(requests.attachments(id)));
        count(erased, "answer_attachments", attachments.erase(files));
        answerAttachments.erase(files.stream().map(Attachment::id).toList());
        count(erased, "follow_up_requests", requests.erase(found));
        records.erase(reference, erasedAt).forEach((kind, count) -> count(erased, kind, count));
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

    /** The link requests, numbered from 0: read a batch at a time until one is not full. */
    private Set<String> linkRequests(String reference) {
        Set<String> found = new LinkedHashSet<>();
        for (int from = 0; ; from += ComplainantActions.LINK_REQUESTS_AT_ONCE) {
            List<String> ids = IntStream.range(from, from + ComplainantActions.LINK_REQUESTS_AT_ONCE)
                    .mapToObj(n -> ComplainantActions.linkRequestId(reference, n)).toList();
            Set<String> existing = requests.existing(ids);
            found.addAll(existing);
            if (existing.size() < ids.size()) {
                return found;
            }
        }
    }

    private static void count(Map<String, Long> erased, String kind, long count) {
        if (count > 0) {
            erased.merge(kind, count, Long::sum);
        }
    }
}
