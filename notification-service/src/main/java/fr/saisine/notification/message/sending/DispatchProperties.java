package fr.saisine.notification.message.sending;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How letters are sent ({@code saisine.notification.*}): the sender address, the retries
 * (backoff doubling from {@code firstRetryAfter} up to {@code maxRetryInterval}), how long a
 * sender holds a message before another may take it over (the lease), and how many senders run.
 */
@ConfigurationProperties("saisine.notification")
public record DispatchProperties(
        String from,
        String messageIdDomain,
        int maxAttempts,
        Duration firstRetryAfter,
        Duration maxRetryInterval,
        Duration lease,
        int senders,
        Duration pollInterval) {

    /** The wait before the attempt after {@code failedAttempts} failures. */
    Duration retryDelay(int failedAttempts) {
        Duration delay = firstRetryAfter;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxRetryInterval) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryInterval) > 0 ? maxRetryInterval : delay;
    }
}
