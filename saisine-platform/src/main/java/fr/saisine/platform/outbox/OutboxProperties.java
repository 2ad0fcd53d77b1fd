package fr.saisine.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox relay polls ({@code saisine.outbox.*}). A write wakes the relay at once; the
 * poll catches what other instances, or a crash, left behind.
 */
@ConfigurationProperties("saisine.outbox")
public record OutboxProperties(
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("200") int batchSize) {
}
