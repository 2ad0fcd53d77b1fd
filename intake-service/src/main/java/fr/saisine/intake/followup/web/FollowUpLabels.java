package fr.saisine.intake.followup.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplaintStatus;
import fr.saisine.events.MessageKind;

/**
 * The words the complainant reads for a status, an outcome, a letter: from messages.properties,
 * where every text of the follow-up pages is, in the language of the request (French unless the
 * complainant chose English on the pages: intake's PageLanguageConfiguration).
 */
@Component
class FollowUpLabels {

    private final MessageSource messages;

    FollowUpLabels(MessageSource messages) {
        this.messages = messages;
    }

    String status(ComplaintStatus status) {
        return text("followup.status." + status.name());
    }

    String outcome(ClosureOutcome outcome) {
        return outcome == null ? null : text("followup.outcome." + outcome.name());
    }

    String letter(MessageKind kind) {
        return text("followup.letter." + kind.name());
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
