package fr.saisine.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers every page sends a browser: a Content-Security-Policy that runs only the service's
 * own scripts and styles (no inline script, no inline style), refuses framing, and posts forms
 * only to the service itself and to {@code formTargets} (the provider, for the sign-out's
 * redirect); no referrer to other sites; and Spring Security's defaults (nosniff, no-store,
 * X-Frame-Options DENY).
 */
public final class BrowserHeaders {

    private BrowserHeaders() {
    }

    public static HttpSecurity apply(HttpSecurity http, String... formTargets) throws Exception {
        String policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'"
                + (formTargets.length == 0 ? "" : " " + String.join(" ", formTargets));
        return http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    }
}
