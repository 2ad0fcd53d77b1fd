package fr.saisine.notification.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import fr.saisine.platform.access.AccessAudit;
import fr.saisine.platform.security.ApiSecurity;
import fr.saisine.platform.security.StaffRole;

/**
 * The messages API is for the staff of the case's sector, with a bearer token, and the part of a data
 * subject's request for the DPO alone; nothing else is
 * served on this port (the health probes and the metrics are on the management port).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain messagesApi(HttpSecurity http, JwtDecoder decoder, AccessAudit audit) throws Exception {
        return ApiSecurity.resourceServer(http, decoder, audit)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/v1/data-subjects/**").hasRole(StaffRole.DPO.name())
                        .anyRequest().hasAnyRole(ApiSecurity.caseWorkers()))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain nothingElse(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .build();
    }
}
