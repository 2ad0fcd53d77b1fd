package fr.saisine.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The one place where the provider's claims become a {@link StaffMember}: {@code roles} and
 * {@code sectors} (lists of strings, mapped by the realm from the agent's role and groups),
 * {@code sub}, {@code preferred_username} and {@code name}. Used for API tokens and dashboard
 * sign-ins alike.
 */
public final class StaffClaims {

    public static final String ROLES = "roles";
    public static final String SECTORS = "sectors";

    private StaffClaims() {
    }

    public static StaffMember of(Map<String, Object> claims) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (String value : strings(claims.get(ROLES))) {
            StaffRole.named(value).ifPresent(roles::add);
        }
        return new StaffMember(string(claims.get("sub")), string(claims.get("preferred_username")),
                string(claims.get("name")), roles, new LinkedHashSet<>(strings(claims.get(SECTORS))));
    }

    public static Collection<GrantedAuthority> authorities(StaffMember staff) {
        return staff.roles().stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    /** The staff member behind an API token or a dashboard session; null for anyone else. */
    public static StaffMember of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return of(token.getToken().getClaims());
        }
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return of(user.getClaims());
        }
        return null;
    }

    /** Turns a validated access token into an authentication whose authorities are the staff roles. */
    public static AbstractAuthenticationToken authenticate(Jwt jwt) {
        StaffMember staff = of(jwt.getClaims());
        return new JwtAuthenticationToken(jwt, authorities(staff), staff.subject());
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(v -> v != null).map(Object::toString).toList();
        }
        return claim == null ? List.of() : List.of(claim.toString());
    }

    private static String string(Object claim) {
        return claim == null ? null : claim.toString();
    }
}
