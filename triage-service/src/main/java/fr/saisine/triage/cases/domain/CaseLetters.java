package fr.saisine.triage.cases.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import fr.saisine.events.Event;
import fr.saisine.events.MessageKind;
import fr.saisine.events.NotificationDelivered;
import fr.saisine.events.NotificationFailed;

/** What each complainant was told about their case, as notification-service reported it. */
public interface CaseLetters {

    /**
     * Records these outcomes ({@link NotificationDelivered}, {@link NotificationFailed}; other
     * events are ignored), in their order, in one write.
     */
    void recordAll(List<Event> outcomes);

    /**
     * Erases what the cases' letters say of their recipients (address, subject, failure reason, and
     * the message id, which holds the address), keeping each letter's kind, status and time; all the
     * cases at once.
     *
     * @return how many letters of each case were anonymised this time (cases with none, or done
     *         before, left out)
     */
    Map<String, Long> anonymiseAll(Collection<String> references);

    /** The case's letters, oldest first. */
    List<Letter> of(String reference);

    /** One letter to one recipient: SENT, or FAILED after every retry (staff must then reach them another way). */
    record Letter(String messageId, MessageKind kind, String recipient, String subject, String status, Instant at,
            String reason) {
    }
}
