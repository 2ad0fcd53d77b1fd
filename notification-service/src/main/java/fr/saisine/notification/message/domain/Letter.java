package fr.saisine.notification.message.domain;

/**
 * A letter as written: its subject, its body in plain text and in HTML, and for a decision its PDF
 * (PDF/A-2, null for other letters), which leaves attached to the email and is kept.
 */
public record Letter(String subject, String text, String html, byte[] pdf) {

    public Letter(String subject, String text, String html) {
        this(subject, text, html, null);
    }
}
