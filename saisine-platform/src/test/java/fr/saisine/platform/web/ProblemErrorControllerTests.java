package fr.saisine.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import fr.saisine.platform.followup.FollowUpTokens;

/** What the error paths of every service write to the log about a request that failed: no token, no address. */
@ExtendWith(OutputCaptureExtension.class)
class ProblemErrorControllerTests {

    @Test
    void shouldLogAServerErrorOnAFollowUpPathWithoutItsTokenNorTheAddressInTheException(CapturedOutput output) {
        String token = FollowUpTokens.mint();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/suivi/" + token + "/reponse");
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION,
                new IllegalStateException("dup key: { _id: \"26000001:ANSWER:zq@example.org\" }"));

        var answer = new ProblemErrorController(new DefaultErrorAttributes(), new ErrorProperties(), List.of())
                .error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(output.getAll()).contains("to /suivi/{token}/reponse failed", "IllegalStateException")
                .doesNotContain(token, "zq@example.org");
    }

    @Test
    void shouldAnswerAFormTomcatCannotParseWithABadRequestProblemAndLogNoneOfItsValues(CapturedOutput output)
            throws Exception {
        String token = FollowUpTokens.mint();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/suivi/" + token + "/retrait");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain failing = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req,
                    jakarta.servlet.http.HttpServletResponse res) throws ServletException {
                throw new ServletException("Request processing failed", new InvalidParameterException(
                        "Character decoding failed. Parameter [email] with value [zq@example.org%ZZ] has been ignored",
                        400));
            }
        });

        new UnreadableParametersFilter().doFilter(request, response, failing);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"type\":\"/problems/unreadable-body\"");
        assertThat(output.getAll()).contains("/suivi/{token}/retrait").doesNotContain(token, "zq@example.org");
    }
}
