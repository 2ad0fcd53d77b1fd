package fr.saisine.intake.attachment.web;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import fr.saisine.intake.attachment.domain.AttachmentLimits;
import fr.saisine.intake.attachment.domain.AttachmentTooLargeException;
import fr.saisine.intake.attachment.domain.UnsupportedAttachmentException;
import fr.saisine.platform.logging.LogSafe;
import fr.saisine.platform.web.BodyProblem;

/**
 * The refusals of files sent to the API, as problems (docs/api.md): 413 naming the limit, 415
 * naming the file, 400 for a multipart body that cannot be read. Before the API's own advice, which
 * would answer a multipart failure as Spring's generic 413 or an unexpected error.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttachmentProblems {

    private static final Logger log = LoggerFactory.getLogger(AttachmentProblems.class);
    static final URI TOO_LARGE = URI.create("/problems/attachment-too-large");
    static final URI UNSUPPORTED = URI.create("/problems/unsupported-attachment");

    private final DataSize maxRequestSize;

    AttachmentProblems(@Value("${saisine.intake.attachments.max-request-size}") DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooLarge(AttachmentTooLargeException ex) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "The attachments are too large",
                ex.getMessage());
        problem.setProperty("limit", ex.limit());
        if (ex.filename() != null) {
            problem.setProperty("file", ex.filename());
        }
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unsupported(UnsupportedAttachmentException ex) {
        ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED, "An attachment is not accepted",
                ex.getMessage());
        problem.setProperty("file", ex.filename());
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
    }

    /** The whole request over the servlet's own ceiling: refused while it was read, before any check of ours. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> requestTooLarge(MaxUploadSizeExceededException ex) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, "The attachments are too large",
                "a request with attachments is at most " + AttachmentLimits.readable(maxRequestSize) + " in all");
        problem.setProperty("limit", "max-request-size");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadable(MultipartException ex) {
        log.debug("unreadable multipart body", LogSafe.throwable(ex));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, URI.create(BodyProblem.TYPE),
                "The request body cannot be read", "the multipart/form-data body cannot be read (its boundary, "
                        + "or a part's headers, are malformed)"));
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
