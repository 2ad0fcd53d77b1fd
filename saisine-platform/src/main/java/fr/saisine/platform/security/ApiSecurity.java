package fr.saisine.platform.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import fr.saisine.platform.access.AccessAudit;
import fr.saisine.platform.access.AuditedAccessDeniedHandler;

/**
 * What every service's API chain has alike: an OAuth2 resource server for {@code /api/**},
 * stateless, bearer tokens only (so no CSRF to guard), refusals as problem details (a refusal by
 * role recorded in the audit trail, as the sector rule records its own), and no caching of
 * anything it answers. Each service adds its own {@code authorizeHttpRequests}.
 */
public final class ApiSecurity {

    private ApiSecurity() {
    }

    public static HttpSecurity resourceServer(HttpSecurity http, JwtDecoder decoder, AccessAudit audit) {
        ApiSecurityProblems problems = new ApiSecurityProblems();
        var refusals = new AuditedAccessDeniedHandler(audit, problems);
        return http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(Customizer.withDefaults())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(StaffClaims::authenticate))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(refusals))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(refusals));
    }

    /** Staff who work cases: agents and sector heads. */
    public static String[] caseWorkers() {
        return new String[] {StaffRole.AGENT.name(), StaffRole.SECTOR_HEAD.name()};
    }
}
