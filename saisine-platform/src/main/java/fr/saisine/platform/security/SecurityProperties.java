package fr.saisine.platform.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one OpenID Connect issuer Saisine trusts ({@code saisine.security.*}): tokens must come from
 * {@code issuerUri}, name {@code audience} in {@code aud} and be unexpired, give or take
 * {@code clockSkew}. Keys come from the issuer's discovery document, or from {@code jwkSetUri}
 * when the services reach the provider by another address than the one in its tokens.
 */
@ConfigurationProperties("saisine.security")
public record SecurityProperties(
        @DefaultValue("http://127.0.0.1:8180/realms/saisine") String issuerUri,
        URI jwkSetUri,
        @DefaultValue("saisine-api") String audience,
        @DefaultValue("30s") Duration clockSkew) {
}
