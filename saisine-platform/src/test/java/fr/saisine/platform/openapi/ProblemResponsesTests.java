package fr.saisine.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

import org.junit.jupiter.api.Test;

class ProblemResponsesTests {

    final OpenAPI api = new OpenAPI().paths(new Paths());

    @Test
    void shouldAddTheStaffRefusalsOnlyWhereATokenIsNeeded() {
        Operation file = operation("201").requestBody(new RequestBody());
        Operation read = operation("200").addSecurityItem(new SecurityRequirement().addList(StaffApi.SECURITY_SCHEME))
                .parameters(List.of(new Parameter().in("path").name("reference")));
        api.path("/api/v1/complaints", new PathItem().post(file));
        api.path("/api/v1/complaints/{reference}", new PathItem().get(read));

        new ProblemResponses().customise(api);

        assertThat(file.getResponses().keySet()).containsExactly("201", "400", "406", "415", "500", "503");
        assertThat(read.getResponses().keySet()).containsExactly("200", "400", "401", "403", "404", "406", "500", "503");
        assertThat(read.getResponses().get("401").get$ref()).isEqualTo("#/components/responses/Unauthenticated");
    }

    @Test
    void shouldKeepAnOperationsOwnDescriptionOfAStatusAndGiveEveryAnswerItsRequestId() {
        Operation file = operation("201").requestBody(new RequestBody());
        file.getResponses().addApiResponse("400", new ApiResponse().description("the complaint is invalid"));
        api.path("/api/v1/complaints", new PathItem().post(file));

        new ProblemResponses().customise(api);

        assertThat(file.getResponses().get("400").getDescription()).isEqualTo("the complaint is invalid");
        assertThat(file.getResponses().get("400").getHeaders()).containsKey("X-Request-Id");
        assertThat(file.getResponses().get("201").getHeaders()).containsKey("X-Request-Id");
        assertThat(api.getComponents().getResponses()).containsKeys("BadRequest", "Unauthenticated", "Forbidden",
                "NotFound", "NotAcceptable", "UnsupportedMediaType", "ServerError", "Unavailable");
        assertThat(api.getComponents().getSchemas().get("Problem").getRequired())
                .containsExactly("type", "title", "status", "detail", "instance");
    }

    @Test
    void shouldLeaveNothingBesideAHeadersReference() {
        Operation file = operation("201");
        // as springdoc writes an @Header(ref = ...): with a style beside the $ref, which OpenAPI 3.1 forbids
        file.getResponses().addApiResponse("409", new ApiResponse().description("in flight")
                .addHeaderObject("Retry-After", new Header().$ref("#/components/headers/Retry-After")
                        .style(Header.StyleEnum.SIMPLE)));
        api.path("/api/v1/complaints", new PathItem().post(file));

        new ProblemResponses().customise(api);

        Header retryAfter = file.getResponses().get("409").getHeaders().get("Retry-After");
        assertThat(retryAfter.get$ref()).isEqualTo("#/components/headers/Retry-After");
        assertThat(retryAfter.getStyle()).isNull();
        assertThat(retryAfter.getExplode()).isNull();
    }

    @Test
    @SuppressWarnings("rawtypes")
    void shouldDescribeAProblemTypesOwnMembersAsTheProblemAndThem() {
        ProblemResponses.addProblemType(api, "TransitionNotAllowedProblem", "a transition refused",
                Map.of("caseStatus", ProblemResponses.stringMember("where the case is", List.of("TRIAGED", "CLOSED"))),
                List.of("caseStatus"));

        Schema type = api.getComponents().getSchemas().get("TransitionNotAllowedProblem");
        assertThat(type.getAllOf()).hasSize(2);
        assertThat(((Schema) type.getAllOf().get(0)).get$ref()).isEqualTo("#/components/schemas/Problem");
        Schema own = (Schema) type.getAllOf().get(1);
        assertThat(own.getProperties()).containsOnlyKeys("caseStatus");
        assertThat(((Schema) own.getProperties().get("caseStatus")).getEnum()).containsExactly("TRIAGED", "CLOSED");
        assertThat(own.getRequired()).containsExactly("caseStatus");
    }

    private static Operation operation(String success) {
        return new Operation().responses(new ApiResponses().addApiResponse(success, new ApiResponse().description("ok")));
    }
}
