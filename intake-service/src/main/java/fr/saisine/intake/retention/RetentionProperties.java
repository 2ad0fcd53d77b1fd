package fr.saisine.intake.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long intake keeps its short-lived records ({@code saisine.retention.*}, ISO-8601 durations,
 * each overridable by environment: SAISINE_RETENTION_ABANDONED_UPLOADS, ...), and how often the
 * purge runs. docs/retention.md gives the reason of each.
 *
 * @param abandonedUploads files stored for a complaint or an answer that was never recorded
 * @param submissionKeys API clients' Idempotency-Keys and their takeovers, from their first use
 *        (never less than {@code saisine.intake.idempotency-key-ttl}: a key must answer that long)
 * @param formTokens the form's one-time tokens, the same way
 * @param rateSlots rate-limit slots, whose {@code _id} holds a client's address, from the start of
 *        their window (never less than the window: a slot must count that long)
 * @param purgeEvery how often the purge runs, one instance at a time
 * @param purgeBatch the most records of one kind deleted by one command (at most 500)
 * @param afterClosing how long a case's personal data is kept after its closing (ISO-8601: P5Y, or PT1M
 *        in a demonstration). Not applied here: triage's setting of the same name orders the erasure,
 *        which intake obeys; intake states it in the information notice to complainants. The same
 *        environment variable (SAISINE_RETENTION_AFTER_CLOSING) sets both.
 */
@ConfigurationProperties("saisine.retention")
public record RetentionProperties(Duration abandonedUploads, Duration submissionKeys, Duration formTokens,
        Duration rateSlots, Duration purgeEvery, int purgeBatch, String afterClosing) {
}
