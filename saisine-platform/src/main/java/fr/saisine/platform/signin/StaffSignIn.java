package fr.saisine.platform.signin;

import java.util.Collection;
import java.util.List;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import fr.saisine.platform.access.AccessAudit;
import fr.saisine.platform.access.AuditedAccessDeniedHandler;
import fr.saisine.platform.security.StaffClaims;

/**
 * Staff sign-in in a browser, the same wherever staff have pages (triage's dashboard, intake's file
 * downloads): the code flow with PKCE at the provider, the staff roles and sectors read from the ID
 * token as from an API token, refusals recorded in the audit trail, and a session that ends with its
 * ID token (see {@link SignInRenewal}).
 */
public final class StaffSignIn {

    private StaffSignIn() {
    }

    public static HttpSecurity apply(HttpSecurity http, AccessAudit audit) throws Exception {
        return http
                .oauth2Login(login -> login
                        .loginPage("/oauth2/authorization/" + IssuerClientRegistrations.REGISTRATION_ID)
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(staffAuthorities())))
                .exceptionHandling(e -> e.accessDeniedHandler(
                        new AuditedAccessDeniedHandler(audit, new AccessDeniedHandlerImpl())))
                .addFilterAfter(new SignInRenewal(), AuthorizationFilter.class);
    }

    /** The authorities are the staff roles in the ID token, mapped as for API tokens. */
    private static GrantedAuthoritiesMapper staffAuthorities() {
        return (Collection<? extends GrantedAuthority> given) -> given.stream()
                .filter(OidcUserAuthority.class::isInstance)
                .map(OidcUserAuthority.class::cast)
                .findFirst()
                .map(oidc -> List.copyOf(StaffClaims.authorities(StaffClaims.of(oidc.getIdToken().getClaims()))))
                .orElse(List.of());
    }
}
