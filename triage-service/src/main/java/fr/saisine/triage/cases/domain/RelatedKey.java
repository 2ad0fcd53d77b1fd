package fr.saisine.triage.cases.domain;

import java.text.Normalizer;
import java.util.Locale;

import fr.saisine.events.Category;

/**
 * Complaints about the same organisation and subject share this key, so that a wave of them
 * is handled as one: "Mairie de Lyon" and "mairie  de LYON" are the same organisation.
 */
final class RelatedKey {

    private RelatedKey() {
    }

    static String of(String respondentName, Category category) {
        String name = Normalizer.normalize(respondentName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ")
                .strip();
        return name + "|" + category;
    }
}
