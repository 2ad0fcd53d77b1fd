package fr.saisine.platform.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * What every service's API chain has alike: an OAuth2 resource server for {@code /api/**},
 * stateless, bearer tokens only (so no CSRF to guard), refusals as problem details, and no
 * caching of anything it answers. Each service adds its own {@code authorizeHttpRequests}.
 */
public final class ApiSecurity {

    private ApiSecurity() {
    }

    public static HttpSecurity resourceServer(HttpSecurity http, JwtDecoder decoder) {
        ApiSecurityProblems problems = new ApiSecurityProblems();
        return http.securityMatcher("/api/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(Customizer.withDefaults())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(StaffClaims::authenticate))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    /**
     * The Actuator endpoints that carry no personal data, open to the probes and the operators'
     * tools; which of them answer at all is {@code management.endpoints.web.exposure} (health and
     * info by default; the tests add mappings, to check that every API endpoint is guarded).
     */
    public static final String[] OPERATIONS_ENDPOINTS = {"/actuator/health", "/actuator/health/**", "/actuator/info",
        "/actuator/mappings"};

    /** Staff who work cases: agents and sector heads. */
    public static String[] caseWorkers() {
        return new String[] {StaffRole.AGENT.name(), StaffRole.SECTOR_HEAD.name()};
    }
}
