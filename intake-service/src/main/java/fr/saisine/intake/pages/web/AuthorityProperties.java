package fr.saisine.intake.pages.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who the authority is, as the public pages name it ({@code saisine.authority.*}, the same settings
 * and environment variables as notification-service's letters: SAISINE_AUTHORITY_NAME,
 * SAISINE_AUTHORITY_DPO_CONTACT, ...): the controller of the complaints' processing and its data
 * protection officer in the information notice (GDPR art. 13(1)(a) and (b)), the contact of the
 * accessibility declaration. The defaults in application.yml are placeholders, in square brackets,
 * to be set by each deployment.
 *
 * @param service the service that handles complaints
 * @param postalAddress its postal address, a line each
 * @param dpoContact how to reach the data protection officer (an email address)
 */
@ConfigurationProperties("saisine.authority")
public record AuthorityProperties(String name, String shortName, String service, List<String> postalAddress,
        String phone, String email, String website, String dpoContact) {

    public AuthorityProperties {
        postalAddress = postalAddress == null ? List.of() : List.copyOf(postalAddress);
    }
}
