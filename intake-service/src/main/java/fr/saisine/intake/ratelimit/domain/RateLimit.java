package fr.saisine.intake.ratelimit.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many submissions one address may make per period: {@code saisine.intake.rate-limit}, written
 * {@code 20 per PT1H}, or {@code off}.
 */
public record RateLimit(int limit, Duration period) {

    public static final RateLimit OFF = new RateLimit(0, Duration.ZERO);
    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s+per\\s+(\\S+)\\s*");

    public boolean isOff() {
        return limit == 0;
    }

    public static RateLimit parse(String setting) {
        if (setting == null || setting.isBlank() || setting.strip().equalsIgnoreCase("off")) {
            return OFF;
        }
        Matcher matcher = FORM.matcher(setting);
        try {
            if (matcher.matches()) {
                int limit = Integer.parseInt(matcher.group(1));
                Duration period = Duration.parse(matcher.group(2).toUpperCase(Locale.ROOT));
                if (limit > 0 && limit <= 100_000 && !period.isNegative() && period.toSeconds() > 0) {
                    return new RateLimit(limit, period);
                }
            }
        }
        catch (NumberFormatException | DateTimeParseException ignored) {
            // reported below, with what is expected
        }
        throw new IllegalArgumentException("saisine.intake.rate-limit is '" + setting
                + "': expected 'off' or '<n> per <ISO-8601 duration>', such as '20 per PT1H'");
    }
}
