package fr.saisine.notification.message.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who speaks in the letters ({@code saisine.authority.*}): a decision must name its author (CRPA
 * L212-1), and an acknowledgement the service in charge with its postal and electronic address and
 * its phone (CRPA R112-5). Each sector's letters are signed by its own signatory, by delegation of
 * the authority's president; {@code signatories.DEFAULT} signs for a sector that has none. The
 * defaults in application.yml are placeholders, in square brackets, to be set by each deployment
 * (SAISINE_AUTHORITY_NAME, SAISINE_AUTHORITY_SIGNATORIES_APSF_NAME, ...).
 *
 * @param president the authority's president as the letters name them: "la présidente"
 * @param service the service that handles complaints, named in the letterhead and the acknowledgement
 * @param postalAddress its postal address, a line each
 * @param city the city of the date line ("Paris, le 3 mars 2026")
 */
@ConfigurationProperties("saisine.authority")
public record AuthorityProperties(
        String name,
        String shortName,
        String president,
        String service,
        List<String> postalAddress,
        String phone,
        String email,
        String website,
        String dpoContact,
        String city,
        Map<String, Signatory> signatories) {

    /** The key of the signatory of a sector that has none of its own. */
    public static final String DEFAULT_SIGNATORY = "DEFAULT";

    /**
     * Who signs a sector's letters.
     *
     * @param delegation the French formula above the signature: "Pour la présidente et par délégation"
     * @param delegationEn the same in a letter in English
     */
    public record Signatory(String name, String title, String delegation, String delegationEn) {
    }

    public AuthorityProperties {
        postalAddress = postalAddress == null ? List.of() : List.copyOf(postalAddress);
        signatories = signatories == null ? Map.of() : Map.copyOf(signatories);
    }

    /**
     * The signatory of the sector {@code code}, whatever its case (an environment variable gives
     * {@code apsf} where application.yml says {@code APSF}), or the default one.
     */
    public Signatory signatory(String code) {
        Signatory found = code == null ? null : find(code);
        if (found == null) {
            found = find(DEFAULT_SIGNATORY);
        }
        if (found == null) {
            throw new IllegalStateException("no signatory for sector " + code + " and no saisine.authority.signatories."
                    + DEFAULT_SIGNATORY);
        }
        return found;
    }

    private Signatory find(String code) {
        String wanted = code.toUpperCase(Locale.ROOT);
        return signatories.entrySet().stream().filter(e -> e.getKey().toUpperCase(Locale.ROOT).equals(wanted))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
