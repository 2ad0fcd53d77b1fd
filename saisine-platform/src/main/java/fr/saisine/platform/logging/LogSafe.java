package fr.saisine.platform.logging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What may go into a log line. The logs hold references, ids, kinds and counts, never a person
 * (docs/operations.md, "Logging"): the project's own lines name no one, but some values reach
 * them from elsewhere, and are masked here: an email address inside an id or a mail server's
 * reply, the follow-up token in a request path, the key a database quotes in a duplicate-key
 * error. Free text cannot be recognised, so it must never be handed to a log line at all.
 */
public final class LogSafe {

    /** An address as a mail server or an id holds it; deliberately wide: a false mask costs nothing. */
    private static final Pattern EMAIL = Pattern.compile(
            "[^\\s<>()\\[\\]{}\"',;:@]+@[\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)*\\.\\p{L}{2,}");
    /** The token after the complainant's follow-up paths (web and API); the lost-link form is no token. */
    private static final Pattern FOLLOW_UP_PATH = Pattern.compile(
            "(/suivi/|/follow-up/)(?!lien-perdu(?:[/?#;\\s]|$))[^/?#;\\s\\]\"']+");
    /** A follow-up token on its own: 256 random bits in base64url (FollowUpTokens). */
    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");
    /** MongoDB's and FerretDB's duplicate-key message quotes the key: {@code dup key: { _id: "…" }}. */
    private static final Pattern DUPLICATE_KEY = Pattern.compile("(dup key:\\s*)\\{.*?\\}(?=[,'\"]|\\s|$)",
            Pattern.DOTALL);

    private LogSafe() {
    }

    /** The request path with the follow-up token replaced by {@code {token}}. */
    public static String path(String path) {
        return path == null ? null : FOLLOW_UP_PATH.matcher(path).replaceAll("$1{token}");
    }

    /** Any text for a log line (an exception's message, a server's reply, an id) with what identifies a person masked. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String masked = DUPLICATE_KEY.matcher(text).replaceAll("$1{…}");
        masked = path(masked);
        masked = EMAIL.matcher(masked).replaceAll(found -> "address#" + digest(found.group()));
        return TOKEN.matcher(masked).replaceAll("{token}");
    }

    /**
     * An id for a log line: the same id with any address in it replaced by a short digest, so that
     * lines about one letter can still be told apart and followed ({@code 26000001:CLOSED:v6:address#1a2b3c4d}).
     */
    public static String id(Object id) {
        return id == null ? null : text(id.toString());
    }

    /** {@code ex.toString()}, masked: for a line that says what failed without its stack trace. */
    public static String describe(Throwable ex) {
        return ex == null ? null : text(ex.toString());
    }

    /**
     * The exception as a log line may carry it: the same classes named, the same stack traces, the
     * messages masked ({@link #text}), causes and suppressed included.
     */
    public static Throwable throwable(Throwable ex) {
        return ex == null ? null : copy(ex, new IdentityHashMap<>());
    }

    private static Throwable copy(Throwable ex, Map<Throwable, Throwable> copied) {
        Throwable done = copied.get(ex);
        if (done != null) {
            return done;
        }
        Masked masked = new Masked(ex.getClass().getName(), text(ex.getMessage()));
        copied.put(ex, masked);
        masked.setStackTrace(ex.getStackTrace());
        if (ex.getCause() != null && ex.getCause() != ex) {
            masked.initCause(copy(ex.getCause(), copied));
        }
        for (Throwable suppressed : ex.getSuppressed()) {
            masked.addSuppressed(copy(suppressed, copied));
        }
        return masked;
    }

    /** A short, stable digest: the same address gives the same digest in every line and every instance. */
    static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.strip().toLowerCase(java.util.Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JVM has SHA-256", ex);
        }
    }

    /** An exception of another class, told as that class, with a masked message. */
    static final class Masked extends RuntimeException {

        private final String type;

        Masked(String type, String message) {
            super(message);
            this.type = type;
        }

        /** The class of the exception it stands for. */
        String type() {
            return type;
        }

        @Override
        public String toString() {
            return getMessage() == null ? type : type + ": " + getMessage();
        }
    }
}
