package fr.saisine.platform.polling;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import fr.saisine.platform.logging.LogSafe;

/**
 * A background thread that polls for work: at once while there is some, after {@code interval}
 * when there was none, or as soon as {@link #wakeUp()} is called. A failing poll backs off,
 * doubling up to {@code maxBackoff}, so a broker or database outage is waited out, not hammered.
 * A worker may {@link #linger} before a poll that would find only part of a batch, so that work
 * arriving at once is taken in one poll (one read of the backlog) rather than one poll each.
 */
public abstract class PollingWorker implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration interval;
    private final Duration maxBackoff;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    protected PollingWorker(String name, Duration interval, Duration maxBackoff) {
        this.name = name;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
    }

    /** Does one round of work; returns how much it found, 0 when idle. */
    protected abstract int pollOnce();

    /** How long to gather work before a poll that did not follow a full batch; none by default. */
    protected Duration linger() {
        return Duration.ZERO;
    }

    /** What one poll takes at most: a poll that found that much polls again at once. */
    protected int batchSize() {
        return Integer.MAX_VALUE;
    }

    public void wakeUp() {
        wakeUps.release();
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeUp();
        try {
            thread.join(Duration.ofSeconds(30));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Duration backoff = interval;
        while (running) {
            try {
                int found = pollOnce();
                backoff = interval;
                if (found == 0) {
                    idle(interval);
                    pause(linger());
                }
                else if (found < batchSize()) {
                    pause(linger());
                }
            }
            catch (RuntimeException ex) {
                log.warn("{} failed, retrying in {}: {}", name, backoff, LogSafe.describe(ex));
                idle(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private void pause(Duration duration) {
        if (duration.isZero() || !running) {
            return;
        }
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void idle(Duration duration) {
        try {
            if (wakeUps.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUps.drainPermits();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
