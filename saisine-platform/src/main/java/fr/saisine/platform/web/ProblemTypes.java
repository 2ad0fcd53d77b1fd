package fr.saisine.platform.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The documented problem type of each refusal Spring MVC makes by itself (docs/api.md). */
public final class ProblemTypes {

    /**
     * A complaint whose personal data was erased under the retention schedule (410 Gone): it
     * existed, and nothing of it is served any more (docs/retention.md).
     */
    public static final String ERASED = "/problems/erased";

    private ProblemTypes() {
    }

    public static String of(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "/problems/bad-request";
            case 404 -> "/problems/not-found";
            case 405 -> "/problems/method-not-allowed";
            case 406 -> "/problems/not-acceptable";
            case 413 -> "/problems/content-too-large";
            case 415 -> "/problems/unsupported-media-type";
            case 503 -> "/problems/unavailable";
            default -> status.is5xxServerError() ? "/problems/server-error" : "about:blank";
        };
    }

    /** Gives a problem Spring made with no type ({@code about:blank}) the documented one for its status. */
    public static Object typed(Object body, HttpStatusCode status) {
        if (body instanceof ProblemDetail problem && "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create(of(status)));
        }
        return body;
    }
}
