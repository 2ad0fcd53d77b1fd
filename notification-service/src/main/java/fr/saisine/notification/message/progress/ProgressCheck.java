package fr.saisine.notification.message.progress;

import java.time.Clock;
import java.time.Duration;

import fr.saisine.notification.message.domain.ProgressNotices;
import fr.saisine.platform.polling.PollingWorker;

/**
 * Looks for silent open cases every {@code progress-check-interval}, on every instance: the
 * notice's id, one per silent period, makes the instances' work the same letter, sent once.
 */
final class ProgressCheck extends PollingWorker {

    private final ProgressNotices notices;
    private final ProgressProperties properties;
    private final Clock clock;

    ProgressCheck(ProgressNotices notices, ProgressProperties properties, Clock clock) {
        super("progress-check", properties.progressCheckInterval(), Duration.ofMinutes(10));
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected int pollOnce() {
        return notices.writeWhereSilentSince(properties.silentBefore(clock.instant()));
    }
}
