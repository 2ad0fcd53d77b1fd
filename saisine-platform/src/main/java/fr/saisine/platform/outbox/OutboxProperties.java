package fr.saisine.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay works ({@code saisine.outbox.*}). A write wakes the relay at once; the
 * poll catches what other instances, or a crash, left behind. A marker whose event is still not
 * in its document after {@code orphanAfter} belongs to a write that failed, and is dropped.
 * However many instances run, one relays at a time (JobLeases): the relay moves to another
 * within {@code relayTerm} of its instance's death.
 */
@ConfigurationProperties("saisine.outbox")
public record OutboxProperties(
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("200") int batchSize,
        @DefaultValue("1m") Duration orphanAfter,
        @DefaultValue("10s") Duration relayTerm) {
}
