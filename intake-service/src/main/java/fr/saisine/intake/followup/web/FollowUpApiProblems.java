package fr.saisine.intake.followup.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import fr.saisine.intake.complaint.web.RequestSizeLimit;
import fr.saisine.intake.followup.domain.AnswerNotAwaitedException;
import fr.saisine.intake.followup.domain.CaseClosedException;
import fr.saisine.intake.followup.domain.FollowUpErasedException;
import fr.saisine.intake.followup.domain.FollowUpNotFoundException;
import fr.saisine.platform.logging.LogSafe;
import fr.saisine.platform.web.BodyProblem;
import fr.saisine.platform.web.ProblemTypes;

/** Every refusal of the follow-up API as an RFC 9457 problem of a type docs/api.md describes. */
@RestControllerAdvice(assignableTypes = FollowUpApiController.class)
class FollowUpApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FollowUpApiProblems.class);

    record FieldProblem(String field, String message) {
    }

    @ExceptionHandler
    ResponseEntity<Object> notFound(FollowUpNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "/problems/not-found", "Not Found", ex.getMessage(), Map.of());
    }

    /** The link's complaint was erased: gone, and nothing of it is said but that. */
    @ExceptionHandler
    ResponseEntity<Object> erased(FollowUpErasedException ex) {
        return problem(HttpStatus.GONE, ProblemTypes.ERASED, "Erased", ex.getMessage(), Map.of());
    }

    @ExceptionHandler
    ResponseEntity<Object> notAwaited(AnswerNotAwaitedException ex) {
        return problem(HttpStatus.CONFLICT, "/problems/answer-not-awaited", "No answer awaited", ex.getMessage(),
                Map.of("caseStatus", ex.status().name()));
    }

    @ExceptionHandler
    ResponseEntity<Object> closed(CaseClosedException ex) {
        return problem(HttpStatus.CONFLICT, "/problems/case-closed", "The case is closed", ex.getMessage(), Map.of());
    }

    /** The database cannot be reached: nothing was recorded, and the complainant may safely retry. */
    @ExceptionHandler
    ResponseEntity<Object> storageUnavailable(DataAccessResourceFailureException ex) {
        log.error("follow-up storage unavailable", LogSafe.throwable(ex));
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "/problems/unavailable", "Temporarily unavailable",
                "nothing was recorded; please try again in a moment", Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), e.getDefaultMessage() == null ? "invalid value" : e.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field)).toList();
        return problem(HttpStatus.BAD_REQUEST, "/problems/invalid-follow-up-request", "The request is invalid",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", Map.of("errors", errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestSizeLimit.exceeded(ex)) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "/problems/content-too-large", "The request body is too large",
                    "the body is over the service's limit (saisine.intake.max-request-size)", Map.of());
        }
        BodyProblem body = BodyProblem.of(ex);
        return problem(HttpStatus.BAD_REQUEST, BodyProblem.TYPE, "The request body cannot be read", body.detail(),
                body.field() == null ? Map.of() : Map.of("errors", List.of(new FieldProblem(body.field(), body.detail()))));
    }

    /** Spring's own refusals (405, 415, ...) with their documented type rather than about:blank. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        return super.createResponseEntity(ProblemTypes.typed(body, statusCode), headers, statusCode, request);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String title, String detail,
            Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create(type));
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).body(problem);
    }
}
