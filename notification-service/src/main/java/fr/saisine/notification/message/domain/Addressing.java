package fr.saisine.notification.message.domain;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import fr.saisine.notification.correspondent.Correspondent.Addressee;

/**
 * The line that names everyone a letter is for, together, as the authority writes it:
 * "À l'attention d'Alice Martin et Bruno Petit, co-présidents, Groupe des élus écologistes".
 * Representatives who share a role have it once, in the plural (a mixed group takes the masculine,
 * as French does); otherwise each name is followed by its role.
 */
final class Addressing {

    private Addressing() {
    }

    static String attentionLine(List<Addressee> addressees, String organisation, String and, String attention,
            String attentionBeforeVowel) {
        String names = names(addressees, and);
        if (organisation != null && !organisation.isBlank()) {
            names = names + ", " + organisation;
        }
        return (startsWithVowel(names) ? attentionBeforeVowel : attention).replace("{names}", names);
    }

    /**
     * The salutation, naming the addressees' roles where the letter can: representatives who share
     * one ("Madame, Monsieur les co-présidents du groupe des élus écologistes,"). Their sexes are not
     * known, so the formula stays double; several roles give "Mesdames, Messieurs,".
     */
    static String salutation(List<Addressee> addressees, String organisation, boolean french) {
        if (!french) {
            return "Dear Sir or Madam,";
        }
        String shared = addressees.size() > 1 ? sharedRole(addressees) : null;
        if (shared != null) {
            return "Madame, Monsieur les " + shared + ofOrganisation(organisation) + ",";
        }
        return addressees.size() > 1 ? "Mesdames, Messieurs," : "Madame, Monsieur,";
    }

    /** "Groupe des élus écologistes" gives " du groupe des élus écologistes": the nouns French declines here. */
    private static String ofOrganisation(String organisation) {
        if (organisation == null || organisation.isBlank()) {
            return "";
        }
        String[] words = organisation.strip().split("\\s+", 2);
        String noun = words[0].toLowerCase(Locale.ROOT);
        String of = switch (noun) {
            case "groupe", "syndicat", "collectif", "comité", "conseil", "club", "cercle", "mouvement" -> "du ";
            case "association", "union", "amicale", "intersyndicale" -> "de l'";
            case "fédération", "société", "fondation", "coordination", "confédération", "ligue" -> "de la ";
            default -> null;
        };
        return of == null ? "" : " " + of + noun + (words.length > 1 ? " " + words[1] : "");
    }

    static String names(List<Addressee> addressees, String and) {
        String shared = addressees.size() > 1 ? sharedRole(addressees) : null;
        if (shared != null) {
            return join(addressees.stream().map(Addressee::name).toList(), " " + and + " ") + ", " + shared;
        }
        List<String> named = addressees.stream()
                .map(a -> hasRole(a) ? a.name().strip() + ", " + a.role().strip() : a.name().strip()).toList();
        // a role is closed by a comma before the next name: "Alice Martin, présidente, et Bruno Petit, trésorier"
        boolean closeRole = addressees.size() > 1 && hasRole(addressees.get(addressees.size() - 2));
        return join(named, (closeRole ? ", " : " ") + and + " ");
    }

    /** The role all share, in the plural: "co-présidente" and "co-président" give "co-présidents". */
    private static String sharedRole(List<Addressee> addressees) {
        if (!addressees.stream().allMatch(Addressing::hasRole)) {
            return null;
        }
        List<String> roles = addressees.stream().map(a -> a.role().strip()).toList();
        String masculine = roles.stream().min(Comparator.comparingInt(String::length)).orElseThrow();
        if (!roles.stream().allMatch(r -> r.equals(masculine) || r.equals(masculine + "e"))) {
            return null;
        }
        return masculine.matches(".*[sxz]") ? masculine : masculine + "s";
    }

    private static boolean hasRole(Addressee addressee) {
        return addressee.role() != null && !addressee.role().isBlank();
    }

    private static String join(List<String> items, String lastSeparator) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + lastSeparator + items.getLast();
    }

    private static boolean startsWithVowel(String names) {
        if (names.isEmpty()) {
            return false;
        }
        String first = Normalizer.normalize(names.substring(0, 1), Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        return "aeiouy".indexOf(first.charAt(0)) >= 0;
    }
}
