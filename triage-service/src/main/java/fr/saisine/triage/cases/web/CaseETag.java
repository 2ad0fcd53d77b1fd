package fr.saisine.triage.cases.web;

/**
 * A case's version as an HTTP entity tag, and back: what a client saw ({@code If-Match}) is what
 * its change is made on. {@code *} is refused: it would overwrite whatever is there now.
 */
final class CaseETag {

    private CaseETag() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** @throws PreconditionRequiredException when there is no If-Match; IllegalArgumentException when it is no ETag of ours */
    static long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        }
        catch (NumberFormatException notOurs) {
            throw new IllegalArgumentException("If-Match must be the case's ETag, as GET /api/v1/cases/{reference} "
                    + "answered it (such as \"3\"), not " + ifMatch);
        }
    }

    /** A change sent without If-Match (428): it would be made blind to what others changed. */
    static class PreconditionRequiredException extends RuntimeException {

        PreconditionRequiredException() {
            super("send If-Match with the ETag of the case as you last read it, so that a change made by "
                    + "someone else since is not overwritten");
        }
    }
}
