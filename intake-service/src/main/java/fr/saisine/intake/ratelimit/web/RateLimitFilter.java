package fr.saisine.intake.ratelimit.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.saisine.intake.ratelimit.domain.SubmissionRateLimit;

/**
 * Counts complaint submissions (API and form) and lost-link requests per client address, before
 * their bodies are read. Over the limit, the API answers a 429 problem at once; a form goes on to
 * its page, which shows why nothing was sent ({@link RateLimited}), with the same status.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

    static final String API = "/api/v1/complaints";
    static final Set<String> FORMS = Set.of("/", "/suivi/lien-perdu");

    private final SubmissionRateLimit rateLimit;
    private final ClientAddress clients;

    RateLimitFilter(SubmissionRateLimit rateLimit, ClientAddress clients) {
        this.rateLimit = rateLimit;
        this.clients = clients;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod()) || !(API.equals(path) || FORMS.contains(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        String action = path.equals("/suivi/lien-perdu") ? "lost-link" : "complaint";
        Optional<Duration> refused = rateLimit.claim(action, clients.of(request));
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (refused.get().toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        if (!API.equals(path)) {
            RateLimited.mark(request, seconds);
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"/problems/too-many-requests","title":"Too many submissions","status":429,\
                "detail":"too many complaints were sent from this address; nothing was filed: retry in %d seconds",\
                "instance":"%s","retryAfter":%d}""".formatted(seconds, path, seconds));
    }
}
