package fr.saisine.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
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

    private static Operation operation(String success) {
        return new Operation().responses(new ApiResponses().addApiResponse(success, new ApiResponse().description("ok")));
    }
}
