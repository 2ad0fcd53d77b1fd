package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.saisine.testsupport.StaffTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The refusals Spring MVC makes before any controller of ours runs (an unknown path, a method or
 * a media type an endpoint does not take) are problem details too, in every service, with a
 * documented type and no trace of the server's insides.
 */
class ErrorProblemsIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static RunningStack stack;

    @BeforeAll
    static void theStack() throws Exception {
        stack = RunningStack.get();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder asAgent(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + tokens.accessToken("agent-apsf"));
    }

    static JsonNode problem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as("%s %s", response.request().method(), response.uri()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                c -> assertThat(c).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.has("trace")).isFalse();
        assertThat(problem.has("exception")).isFalse();
        return problem;
    }

    @Test
    void shouldAnswerAnUnknownPathWithANotFoundProblemInEachService() throws Exception {
        for (String service : java.util.List.of("intake", "triage", "notification")) {
            problem(send(asAgent(stack.service(service).url("/api/v1/nothing-here"))), 404, "/problems/not-found");
        }
        problem(send(HttpRequest.newBuilder(stack.intake.url("/nothing-here"))), 404, "/problems/not-found");
    }

    @Test
    void shouldAnswerAMethodAnEndpointDoesNotTakeWithItsAllowHeader() throws Exception {
        HttpResponse<String> refused = send(asAgent(stack.intake.url("/api/v1/complaints")).DELETE());

        problem(refused, 405, "/problems/method-not-allowed");
        assertThat(refused.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("POST"));
    }

    @Test
    void shouldAnswerABodyOfAnotherMediaTypeWithAnUnsupportedMediaTypeProblem() throws Exception {
        problem(send(HttpRequest.newBuilder(stack.intake.url("/api/v1/complaints")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("a complaint"))), 415, "/problems/unsupported-media-type");
        problem(send(asAgent(stack.triage.url("/api/v1/cases/26000001/notes")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("a note"))), 415, "/problems/unsupported-media-type");
    }

    @Test
    void shouldAnswerAnAcceptItCannotServeWithANotAcceptableProblem() throws Exception {
        for (String service : List.of("intake", "triage", "notification")) {
            String path = service.equals("notification") ? "/api/v1/complaints/26000001/notifications"
                    : service.equals("triage") ? "/api/v1/cases/26000001" : "/api/v1/complaints/26000001";
            HttpResponse<String> refused = http.send(asAgent(stack.service(service).url(path))
                    .setHeader("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
            problem(refused, 406, "/problems/not-acceptable");
        }
    }

    @Test
    void shouldAnswerABodyOverTheLimitWithAContentTooLargeProblemAndFileNothing() throws Exception {
        String tooLarge = "{\"facts\": \"" + "x".repeat(300 * 1024) + "\"}";
        JsonNode refused = problem(send(HttpRequest.newBuilder(stack.intake.url("/api/v1/complaints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(tooLarge))),
                413, "/problems/content-too-large");
        assertThat(refused.get("detail").asString()).contains("256KB");
    }
}
