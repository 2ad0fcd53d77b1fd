package fr.saisine.intake.complaint.domain;

import java.time.Instant;

/** What the complainant is told at once: the reference to quote, and when it was filed. */
public record SubmittedComplaint(String reference, String status, Instant submittedAt) {
}
