package fr.saisine.platform.openapi;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version an API description gives itself ({@code info.version}), from the build's Maven
 * version, written as PEP 440 asks: a client generated from the description (openapi-python-client
 * makes it the package's version) must be installable, and pip refuses {@code 0.1.0-SNAPSHOT}. A
 * snapshot is a development release ({@code 0.1.0.dev0}); a release stays as it is; any other
 * qualifier becomes a local label ({@code 1.2.0-rc1} gives {@code 1.2.0+rc1}).
 */
public final class ApiVersion {

    private static final Pattern MAVEN = Pattern.compile("(\\d+(?:\\.\\d+)*)(?:[-.](.+))?");
    /** With no build information (a test run from classes): a development release of nothing yet. */
    static final String UNKNOWN = "0.dev0";

    private ApiVersion() {
    }

    public static String of(String mavenVersion) {
        Matcher version = mavenVersion == null ? null : MAVEN.matcher(mavenVersion.strip());
        if (version == null || !version.matches()) {
            return UNKNOWN;
        }
        String release = version.group(1);
        String qualifier = version.group(2);
        if (qualifier == null) {
            return release;
        }
        if (qualifier.equalsIgnoreCase("SNAPSHOT")) {
            return release + ".dev0";
        }
        String label = qualifier.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
        return label.isEmpty() ? release : release + "+" + label;
    }
}
