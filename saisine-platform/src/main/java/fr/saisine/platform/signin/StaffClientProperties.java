package fr.saisine.platform.signin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The staff pages' client at the OpenID Connect provider ({@code saisine.dashboard.*}): the
 * dashboard's, which intake's file downloads share (staff sign in once, at the provider). The default
 * secret is the dev realm's: a deployment sets {@code SAISINE_DASHBOARD_CLIENT_SECRET}.
 */
@ConfigurationProperties("saisine.dashboard")
public record StaffClientProperties(
        @DefaultValue("saisine-dashboard") String clientId,
        @DefaultValue("saisine-dashboard-dev-secret") String clientSecret) {
}
