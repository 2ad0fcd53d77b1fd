package fr.saisine.intake.complaint.domain;

import java.util.List;

import fr.saisine.events.Category;
import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.events.ComplaintSubmitted.Complainant;
import fr.saisine.events.ComplaintSubmitted.Respondent;
import fr.saisine.events.Language;

/** A valid complaint, as the complainant filed it, before it has a reference; its files already stored. */
public record NewComplaint(
        Complainant complainant, Respondent respondent, Category category, String subject, String facts,
        Language language, List<Attachment> attachments) {

    public NewComplaint {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public NewComplaint(Complainant complainant, Respondent respondent, Category category, String subject,
            String facts, Language language) {
        this(complainant, respondent, category, subject, facts, language, List.of());
    }

    /** The same complaint, naming the files stored for it. */
    public NewComplaint with(List<Attachment> stored) {
        return new NewComplaint(complainant, respondent, category, subject, facts, language, stored);
    }
}
