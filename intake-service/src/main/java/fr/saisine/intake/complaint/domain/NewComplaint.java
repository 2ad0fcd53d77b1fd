package fr.saisine.intake.complaint.domain;

import fr.saisine.events.Category;
import fr.saisine.events.ComplaintSubmitted.Complainant;
import fr.saisine.events.ComplaintSubmitted.Respondent;
import fr.saisine.events.Language;

/** A valid complaint, as the complainant filed it, before it has a reference. */
public record NewComplaint(
        Complainant complainant, Respondent respondent, Category category, String subject, String facts,
        Language language) {
}
