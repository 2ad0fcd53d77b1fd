package fr.saisine.platform.access;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The email address a data-subject request is about (GDPR art. 15 and 17, answered by the DPO),
 * checked alike in every service: present, one address, no longer than an address can be.
 * Normalised as intake's index keys it: trimmed and lower-cased.
 */
public final class DataSubjectAddress {

    /** RFC 5321's limit on a path, which bounds any address that can receive mail. */
    static final int MAX_LENGTH = 254;
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private DataSubjectAddress() {
    }

    /** @throws InvalidAddressException when it is missing or not one email address */
    public static String checked(String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidAddressException("email is required: the address the request is about");
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        if (address.length() > MAX_LENGTH || !ADDRESS.matcher(address).matches()) {
            throw new InvalidAddressException("email must be one email address (name@domain), at most "
                    + MAX_LENGTH + " characters");
        }
        return address;
    }

    /** A request whose address is missing or malformed: 400, {@code /problems/invalid-email}. */
    public static final class InvalidAddressException extends RuntimeException {

        InvalidAddressException(String message) {
            super(message);
        }
    }
}
