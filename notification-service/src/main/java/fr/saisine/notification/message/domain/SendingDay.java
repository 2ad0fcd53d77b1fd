package fr.saisine.notification.message.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.saisine.events.Language;
import fr.saisine.events.Residence;
import fr.saisine.platform.appeal.AppealDeadline;

/**
 * The day a letter is handed to the mail server, and the last day to appeal computed from it, are
 * not known when the letter is written: the stored letter holds placeholders, which the sender
 * fills in the email it hands over ({@link #fill}), as it does the follow-up link. Time to appeal
 * runs from receipt, which the authority cannot know: the closing letter gives this last day as an
 * indication only, and says so (DESIGN.md, "Letters to the complainant").
 */
public final class SendingDay {

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\{(jour-d-envoi|dernier-jour-de-recours)\\|(fr|en)(?:\\|(METROPOLITAN_FRANCE|OVERSEAS|ABROAD))?}}");

    private SendingDay() {
    }

    /** Stands for the day the mail server takes the letter, written in {@code language}. */
    public static String sentOn(Language language) {
        return "{{jour-d-envoi|" + language.name() + "}}";
    }

    /** Stands for the last day to appeal, when the letter is received on the day it is sent. */
    public static String lastDay(Language language, Residence residence) {
        return "{{dernier-jour-de-recours|" + language.name() + "|" + residence.name() + "}}";
    }

    /** The message as it leaves on {@code day}: its placeholders filled. One without any is returned as it is. */
    public static OutgoingMessage fill(OutgoingMessage message, LocalDate day) {
        String text = fill(message.text(), day);
        String html = fill(message.html(), day);
        return text.equals(message.text()) && html.equals(message.html()) ? message : message.withBody(text, html);
    }

    static String fill(String body, LocalDate day) {
        if (body == null || !body.contains("{{")) {
            return body;
        }
        Matcher placeholder = PLACEHOLDER.matcher(body);
        return placeholder.replaceAll(found -> {
            Language language = Language.valueOf(found.group(2));
            LocalDate shown = found.group(1).equals("jour-d-envoi") ? day
                    : AppealDeadline.lastDay(day, Residence.valueOf(found.group(3)));
            return Matcher.quoteReplacement(LetterWriter.date(shown, language));
        });
    }
}
