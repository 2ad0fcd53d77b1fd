package fr.saisine.intake.complaint.domain;

import java.util.regex.Pattern;

/**
 * A complaint's reference: the two-digit year, then its six-digit rank in that year
 * ({@code 24018165} is the 18,165th complaint of 2024). Quoted in all correspondence.
 */
public record Reference(String value) {

    public static final long MAX_SEQUENCE = 999_999;
    private static final Pattern FORMAT = Pattern.compile("\\d{8}");

    public Reference {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a reference is 8 digits, not '" + value + "'");
        }
    }

    public static Reference of(int year, long sequence) {
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("sequence out of range: " + sequence);
        }
        return new Reference("%02d%06d".formatted(year % 100, sequence));
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && FORMAT.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
