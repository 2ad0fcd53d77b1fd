package fr.saisine.triage.cases.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.saisine.triage.cases.domain.InvalidChangeException;

/**
 * What a refused change's field error says to staff, in French. The domain words its errors for
 * the API (in English); this recognises them by field and wording, and falls back to the domain's
 * own message for one it does not know, so that nothing is hidden.
 */
final class DashboardMessages {

    private static final Pattern TOO_LONG = Pattern.compile("at most (\\d+) characters");

    private DashboardMessages() {
    }

    static String of(InvalidChangeException invalid) {
        String message = invalid.getMessage();
        Matcher tooLong = TOO_LONG.matcher(message);
        if (tooLong.matches()) {
            return "Ce texte est trop long : " + String.format(Locale.FRANCE, "%,d",
                    Long.parseLong(tooLong.group(1))) + " caractères au plus.";
        }
        return switch (invalid.field()) {
            case "to" -> "Choisissez l'un des changements de statut proposés.";
            case "outcome" -> message.startsWith("only") ? "Seule une clôture a une issue."
                    : message.startsWith("a closure") ? "Choisissez l'issue de la saisine."
                    : "Choisissez l'une des issues proposées.";
            case "referredTo" -> "Indiquez l'autorité à laquelle la saisine est transmise.";
            case "question" -> "Indiquez la question à poser au plaignant.";
            case "reason" -> "Indiquez pourquoi la saisine change de secteur.";
            case "text" -> "Écrivez le texte de la note.";
            case "sector" -> message.startsWith("the case is already") ? "La saisine est déjà dans ce secteur."
                    : message.startsWith("a closed case")
                            ? "Une saisine clôturée reste dans le secteur qui l'a clôturée : rouvrez-la d'abord."
                    : "Choisissez l'un des secteurs proposés.";
            case "assignee" -> message.startsWith("only a sector head")
                    ? "Seul un chef de secteur peut retirer une saisine à un collègue."
                    : message.startsWith("an agent takes")
                            ? "Un agent prend une saisine pour lui-même ; seul un chef de secteur l'attribue à un collègue."
                    : "Ce collègue ne travaille pas dans le secteur de la saisine, ou ne s'est encore jamais connecté à Saisine.";
            default -> message;
        };
    }
}
