package fr.saisine.intake.followup.domain;

/**
 * The link was one of a complaint whose personal data was erased: it opens nothing, and the page
 * says the file no longer exists rather than that the link is wrong.
 */
public class FollowUpErasedException extends RuntimeException {

    public FollowUpErasedException() {
        super("this follow-up link's file no longer exists: its personal data was erased");
    }
}
