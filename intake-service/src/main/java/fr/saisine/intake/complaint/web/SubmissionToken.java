package fr.saisine.intake.complaint.web;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The form's one-time token: 192 random bits, given when the form is shown and sent back with it,
 * under which the complaint is filed once however often the browser sends it.
 */
final class SubmissionToken {

    static final String FIELD = "submissionToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SubmissionToken() {
    }

    static String generate() {
        byte[] bits = new byte[24];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }
}
