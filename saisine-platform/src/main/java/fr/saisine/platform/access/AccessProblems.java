package fr.saisine.platform.access;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import fr.saisine.platform.security.ApiSecurityProblems;

/**
 * The sector rule's refusals, malformed references and the audit's outages as problem details, in
 * every service's API; pages have their own (the dashboard's 403 and 503 pages).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessProblems {

    public static final URI AUDIT_UNAVAILABLE = URI.create("/problems/audit-unavailable");
    public static final URI MALFORMED_REFERENCE = URI.create("/problems/malformed-reference");
    public static final URI INVALID_EMAIL = URI.create("/problems/invalid-email");

    @ExceptionHandler
    ProblemDetail refused(AccessRefusedException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
        problem.setType(URI.create(ApiSecurityProblems.FORBIDDEN));
        problem.setTitle("Not allowed");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail malformedReference(References.MalformedReferenceException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setType(MALFORMED_REFERENCE);
        problem.setTitle("Malformed reference");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail invalidEmail(DataSubjectAddress.InvalidAddressException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setType(INVALID_EMAIL);
        problem.setTitle("Invalid email address");
        problem.setProperty("errors", List.of(Map.of("field", "email", "message", ex.getMessage())));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail auditUnavailable(AuditUnavailableException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        problem.setType(AUDIT_UNAVAILABLE);
        problem.setTitle("Audit trail unavailable");
        return problem;
    }
}
