package fr.saisine.notification.message.domain;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import fr.saisine.events.MessageKind;
import fr.saisine.notification.correspondent.Correspondent;

/** Where messages are kept, with their delivery status. */
public interface Messages {

    /** Queues the message for sending; false when the same letter to the same recipient exists. */
    default boolean queue(OutgoingMessage message) {
        return queueAll(List.of(message)).isEmpty();
    }

    /** A letter to queue, with the trace of the work that wrote it, which its sending continues. */
    record TracedLetter(OutgoingMessage message, String traceparent) {
    }

    /**
     * Queues letters written in the work in progress, whose trace their sending continues.
     *
     * @return those queued already (a redelivery, another instance, a restart)
     */
    List<OutgoingMessage> queueAll(List<OutgoingMessage> messages);

    /**
     * Queues letters about any number of complaints, each collection written once for them all
     * rather than once a letter.
     *
     * @return those queued already (a redelivery, another instance, a restart)
     */
    List<OutgoingMessage> queueTraced(List<TracedLetter> letters);

    /**
     * Queues one letter, the same for all, to everyone the complaint names, each under the id
     * {@code idFor} gives their address.
     *
     * @return how many were queued already (a redelivery, another instance, a restart)
     */
    default int queueToEach(Correspondent correspondent, MessageKind kind, Letter letter, Instant now,
            UnaryOperator<String> idFor) {
        return queueAll(correspondent.recipients().stream()
                .map(recipient -> OutgoingMessage.queued(idFor.apply(recipient.email()), correspondent.reference(),
                        kind, recipient.email(), recipient.name(), letter, now))
                .toList()).size();
    }

    /** A complaint's messages, oldest first. */
    List<OutgoingMessage> forComplaint(String reference);
}
