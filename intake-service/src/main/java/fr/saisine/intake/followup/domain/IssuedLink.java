package fr.saisine.intake.followup.domain;

import java.time.Instant;

/** A follow-up link as kept here: the hash of its token, never the token, and whose it is. */
public record IssuedLink(String tokenHash, String reference, String recipient, String recipientName, Instant issuedAt) {
}
