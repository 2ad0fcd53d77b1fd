package fr.saisine.triage.signin.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dashboard's client at the OpenID Connect provider ({@code saisine.dashboard.*}). The default
 * secret is the dev realm's: a deployment sets {@code SAISINE_DASHBOARD_CLIENT_SECRET}.
 */
@ConfigurationProperties("saisine.dashboard")
record DashboardClientProperties(
        @DefaultValue("saisine-dashboard") String clientId,
        @DefaultValue("saisine-dashboard-dev-secret") String clientSecret) {
}
