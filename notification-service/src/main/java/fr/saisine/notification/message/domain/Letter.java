package fr.saisine.notification.message.domain;

/** A letter as written: its subject, and its body in plain text and in HTML. */
public record Letter(String subject, String text, String html) {
}
