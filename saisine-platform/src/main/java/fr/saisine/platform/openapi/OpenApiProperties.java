package fr.saisine.platform.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the API description says of itself ({@code saisine.openapi.*}): its title and summary,
 * and whom its users write to. Each service names its own API; the contact is the authority's.
 */
@ConfigurationProperties("saisine.openapi")
public record OpenApiProperties(String title, String description, Contact contact) {

    public OpenApiProperties {
        contact = contact == null ? new Contact(null, null, null) : contact;
    }

    public record Contact(String name, String email, String url) {
    }
}
