package fr.saisine.platform.security;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.saisine.platform.tracing.EventTracing;

/**
 * Gives every request an id, answered in {@code X-Request-Id}, kept in the log context and in
 * each audit record, so that an auditor's entry leads to the request in the service's log.
 * Made here, never taken from the client: an audit record must not carry what a caller chose.
 */
public final class RequestIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = RequestIdFilter.class.getName();
    private static final String LOG_KEY = "requestId";
    /** The complaint a request is about, for the log context: what a reference may look like, nothing else */
    private static final Pattern REFERENCE_IN_PATH = Pattern.compile("/(?:complaints|cases)/([0-9A-Za-z-]{1,20})(?:/|$)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(HEADER, id);
        MDC.put(LOG_KEY, id);
        Matcher reference = REFERENCE_IN_PATH.matcher(request.getRequestURI());
        if (reference.find()) {
            MDC.put(EventTracing.REFERENCE, reference.group(1));
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove(LOG_KEY);
            MDC.remove(EventTracing.REFERENCE);
        }
    }

    /** The current request's id, or a fresh one outside a request. */
    public static String current(HttpServletRequest request) {
        Object id = request == null ? null : request.getAttribute(ATTRIBUTE);
        return id == null ? UUID.randomUUID().toString() : id.toString();
    }
}
