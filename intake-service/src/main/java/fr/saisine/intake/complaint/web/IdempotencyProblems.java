package fr.saisine.intake.complaint.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import fr.saisine.intake.complaint.domain.SubmissionKey;

/** The refusals of a complaint sent with an {@code Idempotency-Key}, as problems (docs/api.md). */
final class IdempotencyProblems {

    static final String HEADER = "Idempotency-Key";
    static final URI INVALID_KEY = URI.create("/problems/invalid-idempotency-key");
    static final URI KEY_REUSED = URI.create("/problems/idempotency-key-reused");
    static final URI IN_FLIGHT = URI.create("/problems/request-in-flight");

    private IdempotencyProblems() {
    }

    static ErrorResponseException invalidKey() {
        return problem(HttpStatus.BAD_REQUEST, INVALID_KEY, "The Idempotency-Key is invalid",
                "an Idempotency-Key is 1 to %d printable ASCII characters (a UUID, say)"
                        .formatted(SubmissionKey.MAX_LENGTH));
    }

    /** Says nothing of the first request: whoever guesses a key learns nothing from it. */
    static ErrorResponseException keyReused() {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, KEY_REUSED,
                "The Idempotency-Key was used for another complaint",
                "this Idempotency-Key came with a different complaint; send a new key with each new complaint");
    }

    static ErrorResponseException inFlight() {
        ErrorResponseException refusal = problem(HttpStatus.CONFLICT, IN_FLIGHT, "The complaint is being filed",
                "a request with this Idempotency-Key is still being processed; retry in a moment for its answer");
        refusal.getHeaders().set("Retry-After", "1");
        return refusal;
    }

    private static ErrorResponseException problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}
