package fr.saisine.intake.ratelimit.web;

import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/** Tells a form's controller that {@link RateLimitFilter} refused this submission: show why, file nothing. */
public final class RateLimited {

    private static final String ATTRIBUTE = RateLimited.class.getName();

    private RateLimited() {
    }

    static void mark(HttpServletRequest request, long retryAfterSeconds) {
        request.setAttribute(ATTRIBUTE, retryAfterSeconds);
    }

    /**
     * @return the minutes to wait, rounded up, when the submission was refused (the response then
     *         says 429); empty when it may go on
     */
    public static OptionalLong minutesToWait(HttpServletRequest request, HttpServletResponse response) {
        if (!(request.getAttribute(ATTRIBUTE) instanceof Long seconds)) {
            return OptionalLong.empty();
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        return OptionalLong.of(Math.max(1, (seconds + 59) / 60));
    }
}
