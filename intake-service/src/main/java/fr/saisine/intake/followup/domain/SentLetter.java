package fr.saisine.intake.followup.domain;

import java.time.Instant;

import fr.saisine.events.MessageKind;

/** A letter notification-service reported sent: what the follow-up page lists, to its recipient. */
public record SentLetter(String messageId, MessageKind kind, String recipient, String subject, Instant sentAt) {
}
