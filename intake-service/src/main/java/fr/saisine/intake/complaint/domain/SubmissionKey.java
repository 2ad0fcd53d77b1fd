package fr.saisine.intake.complaint.domain;

/**
 * The key under which a client asks that a complaint be filed once, however often it repeats the
 * request: an API client's {@code Idempotency-Key}, or the form's one-time token. The scope keeps
 * the two apart, so that no API key can ever answer for a form's token.
 */
public record SubmissionKey(Scope scope, String value) {

    /** As the IETF httpapi draft and Stripe allow: enough for a UUID or a hash, nothing that needs encoding. */
    public static final int MAX_LENGTH = 255;

    public enum Scope {
        API("api"), FORM("form");

        private final String prefix;

        Scope(String prefix) {
            this.prefix = prefix;
        }

        /** What the ids of this scope's keys, and of their takeovers, begin with. */
        public String idPrefix() {
            return prefix + ":";
        }
    }

    public SubmissionKey {
        if (scope == null || !isWellFormed(value)) {
            throw new IllegalArgumentException(
                    "a submission key is 1 to %d printable ASCII characters".formatted(MAX_LENGTH));
        }
    }

    /** 1 to 255 characters, each printable ASCII (space to tilde). */
    public static boolean isWellFormed(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH
                && value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E);
    }

    /** What the key's document is stored under: {@code api:<key>} or {@code form:<token>}. */
    public String id() {
        return scope.prefix + ":" + value;
    }
}
