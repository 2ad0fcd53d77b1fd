package fr.saisine.notification.message.domain;

/**
 * The complainant's follow-up links. A letter that gives one is written and stored with
 * {@link #PLACEHOLDER} where the link goes; the link is minted only when the letter is handed to
 * the mail server, so that its token is in that email and nowhere else: not in the letter kept
 * for staff, not in an event, not in a log. Only its hash is announced to intake, and the broker
 * has taken the announcement before the email leaves.
 */
public interface FollowUpLinks {

    /** Stands for the link in a stored letter; what staff see in its place. */
    String PLACEHOLDER = "{{lien-de-suivi}}";

    /**
     * The message as it is to be sent: a freshly minted link in place of the placeholder, its hash
     * announced first. A message without the placeholder is returned as it is.
     *
     * @throws FollowUpLinkUnannouncedException when the announcement was not taken: send nothing
     */
    OutgoingMessage withLink(OutgoingMessage message);
}
