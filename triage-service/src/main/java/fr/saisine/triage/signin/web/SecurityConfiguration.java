package fr.saisine.triage.signin.web;

import java.net.URI;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import fr.saisine.platform.access.AccessAudit;
import fr.saisine.platform.security.ApiSecurity;
import fr.saisine.platform.security.BrowserHeaders;
import fr.saisine.platform.security.SecurityProperties;
import fr.saisine.platform.security.StaffRole;
import fr.saisine.platform.signin.IssuerClientRegistrations;
import fr.saisine.platform.signin.StaffClientProperties;
import fr.saisine.platform.signin.StaffSignIn;

/**
 * Two surfaces, one chain each. The staff API: bearer tokens, cases and queues for those who work
 * cases, the audit log and the elimination records for auditors, the data subjects' requests for the DPO. The dashboard: sign-in with the provider (code flow + PKCE),
 * a session cookie, CSRF tokens on its forms, and a sign-out that ends the provider's session too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffClientProperties.class)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain staffApi(HttpSecurity http, JwtDecoder decoder, AccessAudit audit) throws Exception {
        return ApiSecurity.resourceServer(http, decoder, audit)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/audit", "/api/v1/audit/**").hasRole(StaffRole.AUDITOR.name())
                        .requestMatchers("/api/v1/retention/**").hasRole(StaffRole.AUDITOR.name())
                        .requestMatchers("/api/v1/data-subjects", "/api/v1/data-subjects/**").hasRole(StaffRole.DPO.name())
                        .anyRequest().hasAnyRole(ApiSecurity.caseWorkers()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain dashboard(HttpSecurity http, ClientRegistrationRepository registrations, AccessAudit audit,
            SecurityProperties security) throws Exception {
        var signOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        signOut.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        // the sign-out posts to the dashboard, which sends the browser on to the provider's end-session page
        return StaffSignIn.apply(BrowserHeaders.apply(http, URI.create(security.issuerUri()).resolve("/").toString()), audit)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/signed-out", "/error", "/dashboard.css").permitAll()
                        .requestMatchers("/audit", "/audit/**").hasRole(StaffRole.AUDITOR.name())
                        .requestMatchers("/cases/**").hasAnyRole(ApiSecurity.caseWorkers())
                        .anyRequest().authenticated())
                .logout(logout -> logout.logoutSuccessHandler(signOut))
                .build();
    }

    @Bean
    ClientRegistrationRepository dashboardRegistrations(SecurityProperties security, StaffClientProperties client) {
        return new IssuerClientRegistrations(security, client);
    }
}
