package fr.saisine.notification.message.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * The GDPR art. 78(2) progress notice ({@code saisine.notification.*}): after how long without a
 * letter an open case's complainant gets one, and how often the cases are checked.
 *
 * @param progressNoticeAfter calendar months or days ({@code P3M}, counted in Paris time), or a
 *     duration ({@code PT2S}, {@code 90d})
 */
@ConfigurationProperties("saisine.notification")
record ProgressProperties(
        @DefaultValue("P3M") String progressNoticeAfter,
        @DefaultValue("1m") Duration progressCheckInterval) {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    /** A case whose last letter is before this instant has been silent for the period. */
    Instant silentBefore(Instant now) {
        String value = progressNoticeAfter.strip().toUpperCase(Locale.ROOT);
        if (value.startsWith("P") && !value.contains("T")) {
            // three calendar months, as the GDPR counts them, not 90 days
            return now.atZone(FRANCE).minus(Period.parse(value)).toInstant();
        }
        return now.minus(DurationStyle.detectAndParse(progressNoticeAfter.strip()));
    }
}
