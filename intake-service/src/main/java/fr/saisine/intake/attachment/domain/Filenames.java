package fr.saisine.intake.attachment.domain;

import java.text.Normalizer;

/**
 * A sender's filename made safe to show and to save: no directory, no control or bidirectional
 * characters (which can disguise {@code facture.exe} as {@code exe.pdf}), none of the characters
 * that Windows or a shell would read, at most 120 characters with the extension kept.
 */
public final class Filenames {

    static final String FALLBACK = "piece-jointe";
    private static final int MAX = 120;

    private Filenames() {
    }

    public static String sanitise(String sent) {
        String name = sent == null ? "" : Normalizer.normalize(sent, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "")
                .replaceAll("[<>:\"|?*;`$%]", "_")
                .replaceAll("\\s+", " ")
                .strip();
        name = name.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (name.isEmpty()) {
            return FALLBACK;
        }
        if (name.length() > MAX) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, MAX - extension.length()) + extension;
        }
        return name;
    }
}
