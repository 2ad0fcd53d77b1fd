package fr.saisine.triage.cases.domain;

/** A change asked for with a missing or wrong field (400, naming the field). */
public class InvalidChangeException extends RuntimeException {

    private final String field;

    public InvalidChangeException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidChangeException(field, "at most " + max + " characters");
        }
    }
}
