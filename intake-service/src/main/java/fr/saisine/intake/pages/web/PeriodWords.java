package fr.saisine.intake.pages.web;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A period of the retention schedule as a person reads it, in the page's language: "5 ans",
 * "2 heures", "1 year and 6 months". The settings are ISO-8601, date-based ({@code P5Y}) or, in
 * demonstrations and for the short-lived records, time-based ({@code PT2H}); both are read here, so
 * that the pages say what the configuration holds, never a number of their own.
 */
@Component
class PeriodWords {

    private final MessageSource messages;

    PeriodWords(MessageSource messages) {
        this.messages = messages;
    }

    /** @param iso a setting's value, as {@code P5Y}, {@code P1D} or {@code PT2H} */
    String of(String iso, Locale locale) {
        String value = iso.strip().toUpperCase(Locale.ROOT);
        try {
            return value.contains("T") ? of(Duration.parse(value), locale) : of(Period.parse(value), locale);
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("not an ISO-8601 period: " + iso, ex);
        }
    }

    String of(Period period, Locale locale) {
        List<String> parts = new ArrayList<>();
        add(parts, "years", period.getYears(), locale);
        add(parts, "months", period.getMonths(), locale);
        add(parts, "days", period.getDays(), locale);
        return join(parts, locale);
    }

    /** Whole days, hours and minutes; a day of a Duration is 24 hours. */
    String of(Duration duration, Locale locale) {
        List<String> parts = new ArrayList<>();
        add(parts, "days", duration.toDaysPart(), locale);
        add(parts, "hours", duration.toHoursPart(), locale);
        add(parts, "minutes", duration.toMinutesPart(), locale);
        if (parts.isEmpty()) {
            add(parts, "seconds", Math.max(1, duration.toSecondsPart()), locale);
        }
        return join(parts, locale);
    }

    private void add(List<String> parts, String unit, long count, Locale locale) {
        if (count > 0) {
            parts.add(messages.getMessage("period." + unit, new Object[] {count}, locale));
        }
    }

    private String join(List<String> parts, Locale locale) {
        if (parts.isEmpty()) {
            return messages.getMessage("period.none", null, locale);
        }
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        String and = messages.getMessage("period.and", null, locale);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " " + and + " " + parts.getLast();
    }
}
