package fr.saisine.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's security refusals as problem details: 401 with {@code WWW-Authenticate: Bearer} (and
 * the error the token had, as RFC 6750 says) for a missing or invalid token, 403 for a valid
 * token without the right. The bodies say what is wrong, never why a signature failed.
 */
public final class ApiSecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    public static final String UNAUTHENTICATED = "/problems/unauthenticated";
    public static final String FORBIDDEN = "/problems/forbidden";

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        bearer.commence(request, response, ex);
        boolean tokenGiven = request.getHeader("Authorization") != null;
        ProblemWriter.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHENTICATED,
                "Sign-in required", tokenGiven
                        ? "the bearer token is not valid: expired, badly signed, unsigned, or not meant for this API"
                        : "this endpoint serves personal data: send an access token (Authorization: Bearer …)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        bearerDenied.handle(request, response, ex);
        ProblemWriter.write(request, response, HttpServletResponse.SC_FORBIDDEN, FORBIDDEN, "Not allowed",
                "your role does not allow this");
    }
}
