package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import fr.saisine.testsupport.ApiCalls;

/**
 * Each service describes its API in OpenAPI 3.1 on /v3/api-docs, to anyone, with Swagger UI
 * beside it: every /api endpoint it maps, the staff bearer scheme on all but the filing of a
 * complaint, and the problem answers as shared components.
 */
class ApiDescriptionIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();
    static final List<String> PROBLEM_RESPONSES = List.of("BadRequest", "Unauthenticated", "Forbidden", "NotFound",
            "NotAcceptable", "UnsupportedMediaType", "ServerError", "Unavailable");
    static RunningStack stack;

    @BeforeAll
    static void theStack() throws Exception {
        stack = RunningStack.get();
    }

    static HttpResponse<String> get(URI uri) throws Exception {
        return ApiCalls.get(uri);
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake", "triage", "notification"})
    void shouldDescribeEveryApiEndpointInOpenApi31ToAnyone(String service) throws Exception {
        HttpResponse<String> answer = get(stack.service(service).url("/v3/api-docs"));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode api = json.readTree(answer.body());
        assertThat(api.get("openapi").asString()).startsWith("3.1.");
        Set<String> described = new TreeSet<>();
        api.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(operation -> described.add(operation.getKey().toUpperCase() + " " + path.getKey())));
        assertThat(described).isEqualTo(mappedApiEndpoints(service));

        JsonNode staff = api.at("/components/securitySchemes/staff");
        assertThat(staff.get("type").asString()).isEqualTo("http");
        assertThat(staff.get("scheme").asString()).isEqualTo("bearer");
        assertThat(staff.get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(api.at("/components/schemas/Problem/properties").propertyNames())
                .contains("type", "title", "status", "detail", "instance", "errors");
        for (String response : PROBLEM_RESPONSES) {
            assertThat(api.at("/components/responses/" + response + "/content").has("application/problem+json"))
                    .as(response).isTrue();
        }
        api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            JsonNode security = operation.getValue().path("security");
            // filing, and the complainant's follow-up (its token in the path is the key): no staff token
            boolean open = "POST /api/v1/complaints".equals(name) || path.getKey().startsWith("/api/v1/follow-up/");
            assertThat(security.isMissingNode() || security.isEmpty()).as("%s is open to anyone", name).isEqualTo(open);
            assertThat(operation.getValue().path("summary").asString()).as("%s has a summary", name).isNotBlank();
            assertThat(operation.getValue().at("/responses/500/$ref").asString()).as(name)
                    .isEqualTo("#/components/responses/ServerError");
            if (!open) {
                assertThat(operation.getValue().at("/responses/401/$ref").asString()).as(name)
                        .isEqualTo("#/components/responses/Unauthenticated");
            }
        }));
    }

    @ParameterizedTest
    @ValueSource(strings = {"intake", "triage", "notification"})
    void shouldServeSwaggerUiToAnyoneWithoutSigningIn(String service) throws Exception {
        HttpResponse<String> page = get(stack.service(service).url("/swagger-ui/index.html"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("text/html"));
        assertThat(page.body()).contains("swagger-ui-bundle.js");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(get(stack.service(service).url("/v3/api-docs/swagger-config")).statusCode()).isEqualTo(200);
    }

    /** The /api endpoints the service maps, as "METHOD /path", from its Actuator (as PersonalDataAccessIntegrationTests reads them). */
    static Set<String> mappedApiEndpoints(String service) throws Exception {
        Set<String> mapped = new TreeSet<>();
        JsonNode mappings = json.readTree(get(stack.service(service).managementUrl("/actuator/mappings")).body());
        mappings.at("/contexts").forEach(context -> context.at("/mappings/dispatcherServlets/dispatcherServlet")
                .forEach(handler -> {
                    JsonNode conditions = handler.at("/details/requestMappingConditions");
                    conditions.at("/patterns").forEach(pattern -> {
                        if (pattern.asString().startsWith("/api/")) {
                            conditions.at("/methods").forEach(method -> mapped.add(
                                    method.asString() + " " + pattern.asString()));
                        }
                    });
                }));
        assertThat(mapped).as("the /api endpoints %s maps", service).isNotEmpty();
        return mapped;
    }
}
