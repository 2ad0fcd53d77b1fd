package fr.saisine.triage.cases.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import fr.saisine.platform.web.BodyProblem;
import fr.saisine.platform.web.ProblemTypes;
import fr.saisine.triage.cases.domain.InvalidChangeException;
import fr.saisine.triage.cases.domain.StaleCaseException;
import fr.saisine.triage.cases.domain.TransitionNotAllowedException;

/** RFC 9457 problem details for every refusal of the staff API; the types are in docs/api.md. */
@RestControllerAdvice(annotations = RestController.class)
class StaffApiProblems extends ResponseEntityExceptionHandler {

    static final URI INVALID_CHANGE = URI.create("/problems/invalid-change");
    static final URI STALE_CASE = URI.create("/problems/stale-case");
    static final URI PRECONDITION_REQUIRED = URI.create("/problems/precondition-required");
    static final URI TRANSITION_NOT_ALLOWED = URI.create("/problems/transition-not-allowed");

    @ExceptionHandler
    ProblemDetail sectorNotFound(UnknownSectorException ex) {
        return problem(HttpStatus.NOT_FOUND, null, "Unknown sector", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail badParameter(IllegalArgumentException ex) {
        return problem(HttpStatus.BAD_REQUEST, null, "Invalid parameter", ex.getMessage());
    }

    /** Spring's own refusals (405, 415, ...) with their documented type rather than about:blank. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        return super.createResponseEntity(ProblemTypes.typed(body, statusCode), headers, statusCode, request);
    }

    /** A body that is not the JSON expected: which field, and what was wrong with it. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BodyProblem body = BodyProblem.of(ex);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, URI.create(BodyProblem.TYPE),
                "The request body cannot be read", body.detail());
        if (body.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", body.field(), "message", body.detail())));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler
    ProblemDetail invalidChange(InvalidChangeException ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, INVALID_CHANGE, "The change is incomplete or invalid",
                ex.field() + ": " + ex.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail stale(StaleCaseException ex) {
        return problem(HttpStatus.PRECONDITION_FAILED, STALE_CASE, "The case has changed", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail preconditionRequired(CaseETag.PreconditionRequiredException ex) {
        return problem(HttpStatus.PRECONDITION_REQUIRED, PRECONDITION_REQUIRED, "If-Match required", ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notAllowed(TransitionNotAllowedException ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, TRANSITION_NOT_ALLOWED, "Transition not allowed",
                ex.getMessage());
        problem.setProperty("caseStatus", ex.from().name());
        problem.setProperty("allowedTransitions", ex.allowed().stream().map(Enum::name).toList());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(type != null ? type : URI.create(ProblemTypes.of(status)));
        return problem;
    }
}
