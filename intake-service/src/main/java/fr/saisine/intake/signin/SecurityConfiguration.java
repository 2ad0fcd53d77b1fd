package fr.saisine.intake.signin;

import java.net.URI;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import fr.saisine.platform.access.AccessAudit;
import fr.saisine.platform.security.ApiSecurity;
import fr.saisine.platform.security.BrowserHeaders;
import fr.saisine.platform.security.SecurityProperties;
import fr.saisine.platform.security.StaffRole;
import fr.saisine.platform.signin.IssuerClientRegistrations;
import fr.saisine.platform.signin.StaffClientProperties;
import fr.saisine.platform.signin.StaffSignIn;

/**
 * Four surfaces. The follow-up (API and pages): its token, in the path, is the only key, so no
 * staff token opens it and none is even read; as the token is in the URL, nothing is cached and no
 * Referer carries it anywhere. The complaints API: anyone files a complaint; reading one back is for
 * the staff of its sector, with a bearer token; intake's part of a data subject's request is for the
 * DPO alone. The public pages: open to all, with no session to
 * ride on, so no CSRF token (the form's one-time submission token is what keeps a resent form from
 * filing twice; on the follow-up forms, the link's token is itself what another site cannot forge).
 * The complainants' files for staff in a browser (the dashboard links to them): sign-in with the
 * provider, as on the dashboard, and only reads, so no form to protect.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffClientProperties.class)
class SecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain followUpApi(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/v1/follow-up/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain followUpPages(HttpSecurity http) throws Exception {
        return BrowserHeaders.apply(http.securityMatcher("/suivi/**"))
                // after BrowserHeaders: the token in the URL must not travel in a Referer, even to this site
                .headers(headers -> headers.referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain complaintsApi(HttpSecurity http, JwtDecoder decoder, AccessAudit audit) throws Exception {
        return ApiSecurity.resourceServer(http, decoder, audit)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/complaints").permitAll()
                        .requestMatchers("/api/v1/data-subjects/**").hasRole(StaffRole.DPO.name())
                        .anyRequest().hasAnyRole(ApiSecurity.caseWorkers()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain staffFiles(HttpSecurity http, AccessAudit audit, SecurityProperties security) throws Exception {
        http.securityMatcher("/cases/**", "/oauth2/**", "/login/oauth2/**");
        return StaffSignIn.apply(BrowserHeaders.apply(http, URI.create(security.issuerUri()).resolve("/").toString()), audit)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/cases/**").hasAnyRole(ApiSecurity.caseWorkers())
                        .anyRequest().authenticated())
                .build();
    }

    @Bean
    ClientRegistrationRepository staffRegistrations(SecurityProperties security, StaffClientProperties client) {
        return new IssuerClientRegistrations(security, client);
    }

    @Bean
    @Order(4)
    SecurityFilterChain publicPages(HttpSecurity http) throws Exception {
        return BrowserHeaders.apply(http)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
