package fr.saisine.notification.message.domain;

import java.util.Map;
import java.util.Optional;

/**
 * The PDF of each decision sent, kept with its message (keyed by the message's id): attached to
 * the email when it leaves, and there to be listed with the case's letters.
 */
public interface DecisionPdfs {

    /** Keeps these PDFs, by message id; one kept already (a redelivery) stays as it was. */
    void keepAll(String reference, Map<String, byte[]> byMessageId);

    Optional<byte[]> find(String messageId);
}
