package fr.saisine.intake.followup.domain;

/** No follow-up behind this token: wrong, never issued, or expired. All three are answered alike. */
public class FollowUpNotFoundException extends RuntimeException {

    public FollowUpNotFoundException() {
        super("no complaint can be followed with this link: it is wrong, or it has expired");
    }
}
