package fr.saisine.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import fr.saisine.platform.logging.LogSafe;
import fr.saisine.platform.security.RequestIdFilter;

/**
 * Whatever reaches the container's error page (an unknown path, a method or media type an
 * endpoint does not take, an unexpected exception) is answered to programs as an RFC 9457
 * problem with a documented type, and to browsers as the service's error page (Boot's view
 * resolution, unchanged). Never a stack trace: a server error names the request id under which
 * it is logged here, with a follow-up token in the path, and what identifies a person in the
 * exception's messages, masked ({@link LogSafe}).
 */
public class ProblemErrorController extends BasicErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    public ProblemErrorController(ErrorAttributes attributes, ErrorProperties properties,
            List<ErrorViewResolver> resolvers) {
        super(attributes, properties, resolvers);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return ResponseEntity.noContent().build();
        }
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String requestId = RequestIdFilter.current(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ProblemTypes.of(status));
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail(status, request.getMethod(), path, requestId));
        problem.put("instance", path);
        problem.put("requestId", requestId);
        if (status.is5xxServerError()) {
            // the path may hold a follow-up token, the exception's message what failed to be stored
            log.error("request {} to {} failed", requestId, LogSafe.path(path),
                    LogSafe.throwable((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION)));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detail(HttpStatus status, String method, String path, String requestId) {
        return switch (status) {
            case NOT_FOUND -> "nothing is served at " + path;
            case METHOD_NOT_ALLOWED -> "this endpoint does not take that method (the Allow header lists those it takes)";
            case UNSUPPORTED_MEDIA_TYPE -> "this endpoint does not take a body of that Content-Type";
            case NOT_ACCEPTABLE -> "this endpoint cannot answer in any of the media types in Accept";
            default -> status.is5xxServerError()
                    ? "an unexpected error; it is logged under request id " + requestId
                    : status.getReasonPhrase();
        };
    }
}
