package fr.saisine.intake.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import fr.saisine.platform.access.AccessAudit;
import fr.saisine.platform.security.ApiSecurity;
import fr.saisine.platform.security.BrowserHeaders;

/**
 * Two surfaces. The complaints API: anyone files a complaint; reading one back is for the staff
 * of its sector, with a bearer token. The public pages: open to all, with no session to ride on,
 * so no CSRF token (the form's one-time submission token is what keeps a resent form from filing twice).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain complaintsApi(HttpSecurity http, JwtDecoder decoder, AccessAudit audit) throws Exception {
        return ApiSecurity.resourceServer(http, decoder, audit)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/complaints").permitAll()
                        .anyRequest().hasAnyRole(ApiSecurity.caseWorkers()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
        return BrowserHeaders.apply(http)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
