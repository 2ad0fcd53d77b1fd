package fr.saisine.platform.signin;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff page session once the ID token it was opened with has expired (15 minutes in the
 * dev realm), and sends the agent back through the provider: while the provider's own session
 * lasts that is a pair of redirects with no password, and it brings the roles and sectors the
 * realm gives now, so an agent taken off a sector loses it within minutes, not at sign-out.
 */
public final class SignInRenewal extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user
                && user.getExpiresAt() != null && user.getExpiresAt().isBefore(Instant.now())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/oauth2/authorization/" + IssuerClientRegistrations.REGISTRATION_ID);
            return;
        }
        chain.doFilter(request, response);
    }
}
