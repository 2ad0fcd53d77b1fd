package fr.saisine.notification.message.progress;

import java.time.Clock;
import java.time.Duration;

import fr.saisine.notification.message.domain.ProgressNotices;
import fr.saisine.platform.polling.JobLeases;
import fr.saisine.platform.polling.PollingWorker;

/**
 * Looks for silent open cases every {@code progress-check-interval}, on every instance: the
 * notice's id, one per silent period, makes the instances' work the same letter, sent once.
 */
final class ProgressCheck extends PollingWorker {

    private final ProgressNotices notices;
    private final ProgressProperties properties;
    private final Clock clock;
    private final JobLeases leases;

    ProgressCheck(ProgressNotices notices, ProgressProperties properties, Clock clock, JobLeases leases) {
        super("progress-check", properties.progressCheckInterval(), Duration.ofMinutes(10));
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
        this.leases = leases;
    }

    /** One instance checks per interval, however many run (JobLeases: one term per check). */
    @Override
    protected int pollOnce() {
        if (!leases.held("progress-check", properties.progressCheckInterval())) {
            return 0;
        }
        return notices.writeWhereSilentSince(properties.silentBefore(clock.instant()));
    }
}
