package fr.saisine.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import fr.saisine.platform.security.BrowserHeaders;

/**
 * The API description and Swagger UI are open to anyone, read only: they describe the API and
 * hold no personal data. Their own chain, ahead of each service's (the triage dashboard's would
 * send a browser to sign in, notification's refuses all else): no session, no sign-in, GET only,
 * and the pages' usual headers. Swagger UI runs under the services' Content-Security-Policy as
 * it is, with no 'unsafe-inline': its page loads its scripts and styles from files, and its
 * "Try it out" calls the same origin. Headless Chromium shows it whole; the one thing the policy
 * blocks is an inline style its bundle injects (reported in the console), with no visible effect.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@ConditionalOnClass({OpenAPI.class, HttpSecurity.class})
public class ApiDocsSecurityConfiguration {

    static final String[] PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
            "/swagger-ui/**"};

    @Bean
    @Order(0)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        return BrowserHeaders.apply(http.securityMatcher(PATHS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, PATHS).permitAll()
                        .requestMatchers(HttpMethod.HEAD, PATHS).permitAll()
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .build();
    }
}
