package fr.saisine.triage.retention.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.saisine.events.ErasureRule;

/**
 * One retention run, as an archivist signs it before public records are destroyed (Code du
 * patrimoine L212-2): the rule and period applied, the cutoff, the cases erased and those skipped
 * under a legal hold, the audit records deleted, and what each service answered for each case.
 * References, counts and times only: no personal data.
 *
 * @param erased the references whose personal data the run ordered erased
 * @param skippedUnderLegalHold due cases left alone because a legal hold stands
 * @param answered for each service, the references it has answered for
 * @param unanswered for each service expected to answer, the references it has not answered for yet
 * @param counts for each service, how many records of each kind it erased or anonymised
 * @param totals the counts of every service added up by kind
 * @param orders how many times the run's orders were published (1, then one per republication)
 * @param completedAt when every service had answered for every reference; null before
 * @param reason why the run was made, when no schedule made it: a data subject's request for erasure
 *        (rule {@code DATA_SUBJECT_REQUEST}), as the DPO gave it; null for the schedule's runs
 */
public record EliminationRecord(
        String runId,
        ErasureRule rule,
        Instant startedAt,
        Instant finishedAt,
        String period,
        Instant cutoff,
        List<String> erased,
        List<String> skippedUnderLegalHold,
        long auditRecordsDeleted,
        String auditLogPeriod,
        List<String> services,
        Map<String, List<String>> answered,
        Map<String, List<String>> unanswered,
        Map<String, Map<String, Long>> counts,
        Map<String, Long> totals,
        int orders,
        Instant lastOrderedAt,
        Instant completedAt,
        String reason) {

    public boolean complete() {
        return completedAt != null;
    }
}
