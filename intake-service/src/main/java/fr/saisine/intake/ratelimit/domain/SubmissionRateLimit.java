package fr.saisine.intake.ratelimit.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Counts submissions per address and per fixed window, across every intake instance, without
 * updating anything: FerretDB loses concurrent {@code $inc}s (docs/ferretdb.md), so a counter
 * document would let a flood through. Instead the window of an address has {@code limit} slots,
 * {@code <action>:<address>:<window>:<n>} for n = 1..limit, and a submission is allowed when it
 * claims one by a unique insert; when slot {@code limit} is taken too, it is refused until the
 * window ends. Each instance remembers the last slot it saw taken per bucket, so a submission
 * costs one insert, and a refused one none once the bucket is known to be full; the memory is a
 * hint only, the inserts decide. Windows are fixed, so up to twice the limit can pass across a
 * window's edge. FerretDB 1.24 has no TTL index: slots carry {@code expiresAt}, by which the
 * retention purge deletes them ({@code saisine.retention.rate-slots}), for their {@code _id} holds
 * the client's address.
 */
@Service
public class SubmissionRateLimit {

    private final RateSlots slots;
    private final RateLimit limit;
    private final Clock clock;
    private final Map<String, Integer> lastTaken = new ConcurrentHashMap<>();
    private volatile long hintsWindow = -1;

    SubmissionRateLimit(RateSlots slots, @Value("${saisine.intake.rate-limit}") String limit, Clock clock) {
        this.slots = slots;
        this.limit = RateLimit.parse(limit);
        this.clock = clock;
    }

    /**
     * Counts one submission of {@code action} from {@code address}.
     *
     * @return empty when it is allowed; when refused, how long until the window ends
     */
    public Optional<Duration> claim(String action, String address) {
        if (limit.isOff()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        long periodMillis = limit.period().toMillis();
        long window = now.toEpochMilli() / periodMillis;
        forgetOlderWindows(window);
        Instant windowEnd = Instant.ofEpochMilli((window + 1) * periodMillis);
        String bucket = action + ":" + address + ":" + window;
        for (int n = lastTaken.getOrDefault(bucket, 0) + 1; n <= limit.limit(); n++) {
            if (slots.claim(bucket + ":" + n, windowEnd)) {
                lastTaken.merge(bucket, n, Math::max);
                return Optional.empty();
            }
            lastTaken.merge(bucket, n, Math::max);
        }
        return Optional.of(Duration.between(now, windowEnd));
    }

    private void forgetOlderWindows(long window) {
        if (hintsWindow != window) {
            hintsWindow = window;
            lastTaken.keySet().removeIf(bucket -> !bucket.endsWith(":" + window));
        }
    }
}
