package fr.saisine.triage.routing;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whole-word matching that ignores accents and case, so that "Hôpital" matches the keyword
 * "hopital" and "caf" does not match "cafetière".
 */
final class Keywords {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final List<String> keywords;
    private final List<Pattern> patterns;

    Keywords(List<String> keywords) {
        this.keywords = keywords;
        this.patterns = keywords.stream()
                .map(k -> Pattern.compile("\\b" + Pattern.quote(normalize(k)) + "\\b"))
                .toList();
    }

    /** The first keyword found in any of the texts. */
    Optional<String> firstIn(String... texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String normalized = normalize(text);
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(normalized).find()) {
                    return Optional.of(keywords.get(i));
                }
            }
        }
        return Optional.empty();
    }

    boolean isEmpty() {
        return keywords.isEmpty();
    }

    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT).replace('’', '\'');
    }
}
