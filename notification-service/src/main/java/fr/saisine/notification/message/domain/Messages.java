package fr.saisine.notification.message.domain;

import java.util.List;

/** Where messages are kept, with their delivery status. */
public interface Messages {

    /** Queues the message for sending; false when the same letter to the same recipient exists. */
    boolean queue(OutgoingMessage message);

    /** A complaint's messages, oldest first. */
    List<OutgoingMessage> forComplaint(String reference);
}
