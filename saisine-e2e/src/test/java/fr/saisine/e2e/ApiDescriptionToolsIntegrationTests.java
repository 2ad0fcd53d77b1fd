package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.saisine.testsupport.ApiCalls;
import fr.saisine.testsupport.TestServers;

/**
 * Each service's API description, as it serves it, passes tools nobody here wrote, as a client's
 * developer would try it: openapi-spec-validator, Redocly's lint with its recommended rules and
 * every example checked against its schema, and an info.version that a generated Python client
 * can carry (scripts/openapi-check.sh). The description is kept under target/openapi to read.
 */
class ApiDescriptionToolsIntegrationTests {

    static RunningStack stack;

    @BeforeAll
    static void theStack() throws Exception {
        stack = RunningStack.get();
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake", "triage", "notification"})
    void shouldPassOpenApiSpecValidatorAndRedoclyLint(String service) throws Exception {
        HttpResponse<String> answer = ApiCalls.get(stack.service(service).url("/v3/api-docs"));
        assertThat(answer.statusCode()).isEqualTo(200);
        Path description = TestServers.projectRoot().resolve("saisine-e2e/target/openapi/" + service + ".json");
        Files.createDirectories(description.getParent());
        Files.writeString(description, answer.body(), StandardCharsets.UTF_8);

        OpenApiCheck.Result check = OpenApiCheck.of(description);

        assertThat(check.passed()).as("scripts/openapi-check.sh on %s's description said:%n%s", service,
                check.output()).isTrue();
    }
}
