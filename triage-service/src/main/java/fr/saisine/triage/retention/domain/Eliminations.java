package fr.saisine.triage.retention.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.saisine.events.ErasureRule;
import fr.saisine.events.PersonalDataErased;

/**
 * The elimination records ({@code retention_eliminations}, one per run), the services' answers to
 * their orders, and where the schedule's run stands (the last day of closings it went through,
 * the cases it found under a legal hold).
 */
public interface Eliminations {

    /** A run as it starts: the record exists before any case is erased, so none is ever erased unrecorded. */
    /**
     * @param reason why, for a run that is no schedule's: a data subject's request (the DPO's words); null for the
     *        schedule's runs
     */
    void start(String runId, ErasureRule rule, Instant startedAt, String period, Instant cutoff, String auditLogPeriod,
            List<String> services, String reason);

    /** Adds references the run has ordered erased (written as the run goes, in batches). */
    void addErased(String runId, Collection<String> references, Instant orderedAt);

    void finish(String runId, Instant finishedAt, List<String> skippedUnderLegalHold, long auditRecordsDeleted);

    /** Keeps a service's answer; a repeated answer (to a repeated order) keeps the first. */
    void recordAnswers(List<PersonalDataErased> answers);

    /** The record of a run, with every answer so far. */
    Optional<EliminationRecord> find(String runId);

    /** The records, newest first, without the per-reference answers (find gives them). */
    List<EliminationRecord> list(int page, int size);

    /** The runs not yet answered for in full: what the reorders look at. */
    List<String> incomplete();

    void markReordered(String runId, Instant at);

    void markComplete(String runId, Instant at);

    /** Where the schedule's run stands, read at its start. */
    Progress progress();

    void saveProgress(Progress progress);

    /**
     * @param lastDay the last day (UTC) whose closings were all gone through: the next run reads the days after it
     * @param held cases found due but under a legal hold (or changing during the run): read again at every run
     */
    record Progress(LocalDate lastDay, Set<String> held) {
    }
}
