package fr.saisine.intake.complaint.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.saisine.events.Category;
import fr.saisine.events.ComplainantType;
import fr.saisine.events.Language;
import fr.saisine.events.Residence;
import fr.saisine.events.RespondentType;

/**
 * Reads the form's fields, named like the API's JSON paths ({@code complainant.email}), into a
 * {@link ComplaintRequest}. An unknown choice becomes null, which validation then reports.
 */
final class ComplaintFormFields {

    static final int REPRESENTATIVE_ROWS = 3;

    /** The fields in the order the form shows them: the error summary follows it. */
    private static final List<String> ORDER = List.of("complainant.type", "complainant.name", "complainant.email",
            "complainant.postalAddress.street", "complainant.postalAddress.postalCode",
            "complainant.postalAddress.city", "complainant.postalAddress.country", "complainant.residence",
            "complainant.representatives", "complainant.representatives[].name", "complainant.representatives[].role",
            "complainant.representatives[].email", "respondent.name", "respondent.type", "respondent.activity",
            "category", "subject", "facts");

    /** Orders field paths as the form shows them; a representative's row by its number. */
    static final Comparator<String> IN_FORM_ORDER = Comparator
            .comparingInt((String path) -> rank(path.replaceAll("\\[\\d+]", "[]")))
            .thenComparing(Comparator.naturalOrder());

    private static int rank(String field) {
        int index = ORDER.indexOf(field);
        return index < 0 ? ORDER.size() : index;
    }

    private ComplaintFormFields() {
    }

    static ComplaintRequest toRequest(Map<String, String> form) {
        List<ComplaintRequest.Representative> representatives = new ArrayList<>();
        for (int i = 0; i < REPRESENTATIVE_ROWS; i++) {
            String prefix = "complainant.representatives[" + i + "].";
            String name = form.get(prefix + "name");
            String role = form.get(prefix + "role");
            String email = form.get(prefix + "email");
            if (isBlank(name) && isBlank(role) && isBlank(email)) {
                continue;
            }
            representatives.add(new ComplaintRequest.Representative(name, role, email));
        }
        ComplainantType type = choice(ComplainantType.class, form.get("complainant.type"));
        var complainant = new ComplaintRequest.Complainant(type, form.get("complainant.name"),
                form.get("complainant.email"), type == ComplainantType.PERSON ? List.of() : representatives,
                new ComplaintRequest.PostalAddress(form.get("complainant.postalAddress.street"),
                        form.get("complainant.postalAddress.postalCode"),
                        form.get("complainant.postalAddress.city"),
                        upper(form.get("complainant.postalAddress.country"))),
                choice(Residence.class, form.get("complainant.residence")));
        var respondent = new ComplaintRequest.Respondent(form.get("respondent.name"),
                choice(RespondentType.class, form.get("respondent.type")), form.get("respondent.activity"));
        return new ComplaintRequest(complainant, respondent, choice(Category.class, form.get("category")),
                form.get("subject"), form.get("facts"), choice(Language.class, form.get("language")));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (isBlank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        }
        catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
