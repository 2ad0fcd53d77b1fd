package fr.saisine.notification.message.domain;

/** The broker did not take a link's announcement: the letter carrying it must not leave yet. */
public class FollowUpLinkUnannouncedException extends RuntimeException {

    public FollowUpLinkUnannouncedException(String messageId, Throwable cause) {
        super("the follow-up link of message " + messageId + " could not be announced: " + cause.getMessage(), cause);
    }
}
