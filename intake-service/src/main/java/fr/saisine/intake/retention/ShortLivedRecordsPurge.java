package fr.saisine.intake.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import fr.saisine.intake.attachment.domain.Attachments;
import fr.saisine.intake.complaint.domain.ComplaintRecords;
import fr.saisine.intake.complaint.domain.SubmissionKey;
import fr.saisine.intake.complaint.domain.SubmissionKeys;
import fr.saisine.intake.followup.domain.ComplainantRequests;
import fr.saisine.intake.ratelimit.domain.RateLimit;
import fr.saisine.intake.ratelimit.domain.RateSlots;
import fr.saisine.platform.polling.JobLeases;
import fr.saisine.platform.polling.PollingWorker;
import fr.saisine.platform.store.ErasedPages;

/**
 * Applies intake's periods to its short-lived records, once a {@code purge-every} (a day), on one
 * instance at a time ({@link JobLeases}): abandoned uploads, submission keys, form tokens and
 * rate-limit slots past their period are deleted. Each kind is found by a filter on its time,
 * which FerretDB answers by reading the collection: the purge keeps each to about a period of
 * records, and each round deletes at most {@code purge-batch} of a kind; a round that found some
 * is followed at once by another, until none is left. An upload is purged only once no complaint
 * or answer names it: it was left pending by a crash or a failure that may have come after the
 * filing, so the complaints and requests are read (a scan, only when such uploads exist) first.
 */
@Component
class ShortLivedRecordsPurge extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(ShortLivedRecordsPurge.class);
    static final String JOB = "retention-purge";
    private static final List<String> PURGED_FROM = List.of("rate_slots", "idempotency_keys", "idempotency_takeovers",
            "attachment_chunks", "pending_uploads");

    private final RetentionProperties periods;
    private final RateSlots rateSlots;
    private final SubmissionKeys keys;
    private final Attachments attachments;
    private final ComplaintRecords complaints;
    private final ComplainantRequests requests;
    private final JobLeases leases;
    private final Clock clock;
    private final Duration keyTtl;
    private final Duration rateWindow;
    private final ErasedPages pages;
    private final Map<String, Long> purgedThisRun = new LinkedHashMap<>();

    ShortLivedRecordsPurge(RetentionProperties periods, RateSlots rateSlots, SubmissionKeys keys,
            Attachments attachments, ComplaintRecords complaints, ComplainantRequests requests, JobLeases leases,
            Clock clock, @Value("${saisine.intake.idempotency-key-ttl}") Duration keyTtl,
            @Value("${saisine.intake.rate-limit}") String rateLimit, ErasedPages pages) {
        super("retention-purge", periods.purgeEvery(), periods.purgeEvery());
        this.periods = periods;
        this.rateSlots = rateSlots;
        this.keys = keys;
        this.attachments = attachments;
        this.complaints = complaints;
        this.requests = requests;
        this.leases = leases;
        this.clock = clock;
        this.keyTtl = keyTtl;
        this.pages = pages;
        RateLimit limit = RateLimit.parse(rateLimit);
        this.rateWindow = limit.isOff() ? Duration.ZERO : limit.period();
        if (periods.purgeBatch() < 1 || periods.purgeBatch() > 500) {
            throw new IllegalArgumentException("saisine.retention.purge-batch is 1 to 500, not " + periods.purgeBatch());
        }
    }

    @Override
    protected int batchSize() {
        return periods.purgeBatch();
    }

    /** One round: up to a batch of each kind. What it found, summed, says whether to go on at once. */
    @Override
    protected int pollOnce() {
        if (!leases.held(JOB, periods.purgeEvery())) {
            return 0; // another instance purges this term
        }
        Map<String, Long> purged = purgeOnce(clock.instant());
        long found = purged.values().stream().mapToLong(Long::longValue).max().orElse(0);
        purged.forEach((kind, count) -> purgedThisRun.merge(kind, count, Long::sum));
        // client addresses (rate slots) and uploads left in freed pages: compacted soon after
        if (found > 0) {
            pages.erasedFrom(PURGED_FROM);
        }
        if (found < periods.purgeBatch() && !purgedThisRun.isEmpty()) {
            log.info("retention purge: {}", purgedThisRun);
            purgedThisRun.clear();
        }
        return (int) found;
    }

    /** One round of each kind, at {@code now}: how many records of each were deleted (none left out). */
    Map<String, Long> purgeOnce(Instant now) {
        int batch = periods.purgeBatch();
        Map<String, Long> purged = new LinkedHashMap<>();
        // a slot counts until its window ends: taken at its window's start at the latest
        put(purged, "rate_slots", rateSlots.purge(now.minus(atLeast(periods.rateSlots(), rateWindow)).plus(rateWindow), batch));
        put(purged, "submission_keys", keys.purge(SubmissionKey.Scope.API,
                now.minus(atLeast(periods.submissionKeys(), keyTtl)), batch));
        put(purged, "form_tokens", keys.purge(SubmissionKey.Scope.FORM, now.minus(atLeast(periods.formTokens(), keyTtl)),
                batch));
        put(purged, "abandoned_uploads", abandonedUploads(now.minus(periods.abandonedUploads()), batch));
        return purged;
    }

    private long abandonedUploads(Instant before, int batch) {
        List<String> pending = attachments.pendingBefore(before, batch);
        if (pending.isEmpty()) {
            return 0;
        }
        Set<String> named = new HashSet<>(complaints.attachmentsNamed(pending));
        named.addAll(requests.attachmentsNamed(pending));
        attachments.settle(named);
        List<String> abandoned = pending.stream().filter(id -> !named.contains(id)).toList();
        attachments.eraseAbandoned(abandoned);
        // the pending found, kept or erased, are settled: another round looks at the next ones
        return pending.size();
    }

    private static Duration atLeast(Duration period, Duration floor) {
        return period.compareTo(floor) < 0 ? floor : period;
    }

    private static void put(Map<String, Long> purged, String kind, long count) {
        if (count > 0) {
            purged.put(kind, count);
        }
    }
}
