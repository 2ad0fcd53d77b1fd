package fr.saisine.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.saisine.platform.logging.LogSafe;
import fr.saisine.platform.security.RequestIdFilter;

/**
 * A form or multipart body Tomcat cannot parse (a bad percent-escape, a multipart type without its
 * boundary) fails the first {@code getParameter} with an exception whose message quotes the
 * parameter's value, an email address or a complainant's text: left alone it became a 500 and
 * Tomcat's error log line carried the value. Here it is the client's error it is, a 400 (or 413)
 * problem, logged with the request's id and path only.
 */
public final class UnreadableParametersFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnreadableParametersFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (ServletException | RuntimeException ex) {
            InvalidParameterException unreadable = unreadable(ex);
            if (unreadable == null || response.isCommitted()) {
                throw ex;
            }
            refuse(request, response, unreadable);
        }
    }

    private static InvalidParameterException unreadable(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InvalidParameterException invalid) {
                return invalid;
            }
        }
        return null;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response,
            InvalidParameterException unreadable) throws IOException {
        HttpStatus status = unreadable.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        String requestId = RequestIdFilter.current(request);
        log.info("request {} to {}: its parameters cannot be read, answered {}", requestId,
                LogSafe.path(request.getRequestURI()), status.value());
        String type = status == HttpStatus.BAD_REQUEST ? BodyProblem.TYPE : ProblemTypes.of(status);
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"the request's form or multipart body cannot be "
                + "read (a malformed escape, or a multipart body without its boundary)\",\"requestId\":\"" + requestId
                + "\"}");
    }
}
