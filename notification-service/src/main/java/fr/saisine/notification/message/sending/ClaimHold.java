package fr.saisine.notification.message.sending;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.saisine.platform.logging.LogSafe;

/**
 * A sender's hold on the claims of the letters it is sending: renewed every third of the lease
 * while it lasts, so that no other sender takes over an attempt still going or still to come. A
 * renewal that fails is tried again at the next third, for one missed is not yet a lease lost;
 * but once the claims were last known renewed half a lease ago, they are no longer {@link #safe}:
 * a letter not started by then is left to whoever takes its claim over, rather than risk that
 * another sender, seeing a lapsed claim, sends it too.
 */
final class ClaimHold implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClaimHold.class);

    private final Clock clock;
    private final Duration lease;
    private final CountDownLatch over = new CountDownLatch(1);
    private final Thread renewal;
    private volatile Instant renewedAt;

    ClaimHold(MailQueue queue, Collection<String> claims, Instant claimedAt, Duration lease, Clock clock) {
        this.clock = clock;
        this.lease = lease;
        this.renewedAt = claimedAt;
        List<String> held = List.copyOf(claims);
        this.renewal = Thread.ofVirtual().name("mail-lease").start(() -> renew(queue, held));
    }

    private void renew(MailQueue queue, List<String> claims) {
        try {
            while (!over.await(lease.dividedBy(3).toMillis(), TimeUnit.MILLISECONDS)) {
                Instant at = clock.instant();
                boolean all = true;
                for (String claim : claims) {
                    try {
                        queue.renew(claim, at);
                    }
                    catch (RuntimeException ex) {
                        all = false;
                        if (over.getCount() > 0) {
                            log.warn("could not renew the claim {}: {}", LogSafe.id(claim), LogSafe.describe(ex));
                        }
                    }
                }
                if (all) {
                    renewedAt = at;
                }
            }
        }
        catch (InterruptedException done) {
            // the hold is over
        }
    }

    /** Whether the claims are surely still this sender's for as long as a letter takes to start. */
    boolean safe() {
        return clock.instant().isBefore(renewedAt.plus(lease.dividedBy(2)));
    }

    @Override
    public void close() {
        over.countDown();
        renewal.interrupt();
        try {
            renewal.join();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
