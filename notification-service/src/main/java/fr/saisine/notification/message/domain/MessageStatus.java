package fr.saisine.notification.message.domain;

/** PENDING until a sender claims it; SENDING while one holds it; then SENT, or FAILED after every retry. */
public enum MessageStatus {
    PENDING, SENDING, SENT, FAILED
}
