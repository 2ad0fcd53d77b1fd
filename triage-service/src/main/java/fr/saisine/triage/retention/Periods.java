package fr.saisine.triage.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * An ISO-8601 period of the schedule: a date-based one ({@code P5Y}, {@code P6M}, {@code P30D}),
 * counted on the calendar (UTC) back from now, or a time-based one ({@code PT1M}, for tests and
 * demonstrations). {@link Duration} takes only the second kind, {@link java.time.Period} only the
 * first: the schedule's settings may be either.
 */
public final class Periods {

    private Periods() {
    }

    /** One parsed period, and where it ends when counted back from {@code now}. */
    public record Period(String text, java.time.Period dates, Duration time) {

        public Instant before(Instant now) {
            return dates != null ? now.atZone(ZoneOffset.UTC).minus(dates).toInstant() : now.minus(time);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public static Period parse(String setting, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(setting + ": an ISO-8601 period is needed, such as P5Y or PT1M");
        }
        String value = text.strip();
        try {
            return value.toUpperCase().contains("T") ? new Period(value, null, Duration.parse(value))
                    : new Period(value, java.time.Period.parse(value), null);
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException(setting + ": '" + text + "' is not an ISO-8601 period (P5Y, P1Y, PT1M...)");
        }
    }
}
