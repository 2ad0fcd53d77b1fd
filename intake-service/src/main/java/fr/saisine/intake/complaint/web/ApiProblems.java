package fr.saisine.intake.complaint.web;

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
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import fr.saisine.intake.complaint.domain.AttachmentNotFoundException;
import fr.saisine.intake.complaint.domain.ComplaintErasedException;
import fr.saisine.intake.complaint.domain.ComplaintNotFoundException;
import fr.saisine.intake.complaint.domain.ReferencesExhaustedException;
import fr.saisine.platform.logging.LogSafe;
import fr.saisine.platform.web.BodyProblem;
import fr.saisine.platform.web.ProblemTypes;

/**
 * Turns every refusal of the API into RFC 9457 problem details that say precisely what is
 * wrong, field by field; never a stack trace. The problem types are described in docs/api.md.
 */
@RestControllerAdvice(assignableTypes = ComplaintApiController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    static final URI INVALID_COMPLAINT = URI.create("/problems/invalid-complaint");
    static final URI UNREADABLE_BODY = URI.create(BodyProblem.TYPE);

    /** One invalid field: its JSON path and what is wrong with it. */
    record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), message(e)))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
        problem.setType(INVALID_COMPLAINT);
        problem.setTitle("The complaint is invalid");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Spring's own refusals (405, 415, ...) with their documented type rather than about:blank. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        return super.createResponseEntity(ProblemTypes.typed(body, statusCode), headers, statusCode, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestSizeLimit.exceeded(ex)) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, null, "The request body is too large",
                    "a complaint is at most " + RequestSizeLimit.describe(request) + " of JSON", null);
        }
        BodyProblem body = BodyProblem.of(ex);
        return problem(HttpStatus.BAD_REQUEST, UNREADABLE_BODY, "The request body cannot be read", body.detail(),
                body.field() == null ? null : Map.of("errors", List.of(new FieldProblem(body.field(), body.detail()))));
    }

    @ExceptionHandler
    ResponseEntity<Object> notFound(ComplaintNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, null, "Unknown reference", ex.getMessage(), null);
    }

    /** Erased, not unknown: staff learn when and under which rule, and nothing else. */
    @ExceptionHandler
    ResponseEntity<Object> erased(ComplaintErasedException ex) {
        return problem(HttpStatus.GONE, URI.create(ProblemTypes.ERASED), "Erased", ex.getMessage(),
                Map.of("erasedAt", ex.erasedAt().toString(), "rule", ex.rule().name()));
    }

    @ExceptionHandler
    ResponseEntity<Object> noSuchAttachment(AttachmentNotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, null, "Unknown attachment", ex.getMessage(), null);
    }

    @ExceptionHandler
    ResponseEntity<Object> exhausted(ReferencesExhaustedException ex) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, null, "No reference left this year", ex.getMessage(), null);
    }

    /** The database cannot be reached: nothing was recorded, and the client may safely retry. */
    @ExceptionHandler
    ResponseEntity<Object> storageUnavailable(DataAccessResourceFailureException ex) {
        log.error("complaint storage unavailable", LogSafe.throwable(ex));
        return problem(HttpStatus.SERVICE_UNAVAILABLE, null, "Temporarily unavailable",
                "the complaint could not be recorded; nothing was kept, please try again in a moment", null);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, URI type, String title, String detail,
            Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(type != null ? type : URI.create(ProblemTypes.of(status)));
        if (properties != null) {
            properties.forEach(problem::setProperty);
        }
        return ResponseEntity.status(status).body(problem);
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "invalid value" : error.getDefaultMessage();
    }
}
