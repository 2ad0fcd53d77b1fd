package fr.saisine.platform.access;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A complaint reference taken from a request: refused (400) unless it has the reference's form,
 * before anything is looked up or recorded, so that no caller writes text of its choosing into
 * the audit trail.
 */
public final class References {

    private static final Pattern FORMAT = Pattern.compile("\\d{8}");

    private References() {
    }

    public static String checked(String reference) {
        if (reference == null || !FORMAT.matcher(reference).matches()) {
            throw new MalformedReferenceException(reference);
        }
        return reference;
    }

    /** Not a reference at all (400). */
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    public static class MalformedReferenceException extends RuntimeException {

        MalformedReferenceException(String reference) {
            super("'" + reference + "' is not a reference: a reference is 8 digits, such as 26000001");
        }
    }
}
