package fr.saisine.notification.message.domain;

/** PENDING until it is handed to the mail server (SENT), or given up after every retry (FAILED). */
public enum MessageStatus {
    PENDING, SENT, FAILED
}
