package fr.saisine.triage.audit.domain;

/**
 * Which records an auditor asks for: about a reference, by an actor (username or subject), or
 * both; a page of {@code size} records, newest first.
 */
public record AuditSearch(String reference, String actor, int page, int size) {

    public static final int MAX_SIZE = 200;

    public AuditSearch {
        reference = blankToNull(reference);
        actor = blankToNull(actor);
        if (reference != null && !reference.matches("\\d{8}")) {
            throw new IllegalArgumentException("reference must be 8 digits, such as 26000001, not '" + reference + "'");
        }
        if (page < 0) {
            throw new IllegalArgumentException("page starts at 0, not " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", not " + size);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
