package fr.saisine.triage.retention.schedule;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import fr.saisine.platform.logging.LogSafe;
import fr.saisine.platform.polling.JobLeases;
import fr.saisine.triage.retention.domain.ErasureReorders;
import fr.saisine.triage.retention.domain.RetentionRun;

/**
 * The schedule applied by itself: the run every day at {@code saisine.retention.schedule}, and the
 * check for unanswered orders every {@code saisine.retention.reorder-check}; each on one instance at
 * a time, the one holding the job's lease (the others skip). Were two to run at once (clocks far
 * apart), the case store's unique versions let one anonymise each case and order its erasure.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RetentionSchedule {

    static final String RUN_JOB = "retention-run";
    static final String REORDER_JOB = "retention-reorders";
    /** Long enough to cover a run, short enough that another instance takes over tomorrow if this one died. */
    static final Duration RUN_TERM = Duration.ofHours(1);
    static final Duration REORDER_TERM = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

    private final RetentionRun run;
    private final ErasureReorders reorders;
    private final JobLeases leases;

    RetentionSchedule(RetentionRun run, ErasureReorders reorders, JobLeases leases) {
        this.run = run;
        this.reorders = reorders;
        this.leases = leases;
    }

    @Scheduled(cron = "${saisine.retention.schedule}", zone = "UTC")
    void daily() {
        try {
            if (leases.held(RUN_JOB, RUN_TERM)) {
                run.run();
            }
        }
        catch (RuntimeException ex) {
            // the next run reads the same days again: nothing is lost, only delayed by a day
            log.warn("retention run failed, the next one resumes it: {}", LogSafe.describe(ex));
        }
    }

    @Scheduled(fixedDelayString = "${saisine.retention.reorder-check}", initialDelayString = "${saisine.retention.reorder-check}")
    void reorders() {
        try {
            if (leases.held(REORDER_JOB, REORDER_TERM)) {
                reorders.check();
            }
        }
        catch (RuntimeException ex) {
            log.warn("check of unanswered erasure orders failed, retried at the next: {}", LogSafe.describe(ex));
        }
    }
}
