package fr.saisine.platform.followup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The complainant's follow-up tokens: 256 random bits, written as 43 base64url characters, of which
 * only the SHA-256 is ever stored. notification-service mints them, intake-service hashes what a
 * link brings to find the complaint; both must hash alike, hence this one place.
 */
public final class FollowUpTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private FollowUpTokens() {
    }

    public static String mint() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Lowercase hex SHA-256 of the token: what is stored and looked up, never the token. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }

    /** Whether it can be a token at all: anything else is answered 404 without a look-up. */
    public static boolean isWellFormed(String token) {
        return token != null && WELL_FORMED.matcher(token).matches();
    }
}
