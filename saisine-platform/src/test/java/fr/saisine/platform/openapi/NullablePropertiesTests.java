package fr.saisine.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

import org.junit.jupiter.api.Test;

class NullablePropertiesTests {

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void shouldDescribeWhatIsNotRequiredAsPossiblyNull() {
        Schema language = ProblemResponses.typed(new Schema<>(), "string");
        language.setEnum(new java.util.ArrayList<>(List.of("fr", "en")));
        Schema complaint = ProblemResponses.typed(new Schema<>(), "object")
                .addProperty("reference", ProblemResponses.typed(new Schema<>(), "string"))
                .addProperty("email", ProblemResponses.typed(new Schema<>(), "string"))
                .addProperty("language", language)
                .addProperty("assignee", new Schema<>().$ref("#/components/schemas/StaffPerson"))
                .required(List.of("reference"));
        OpenAPI api = new OpenAPI().components(new Components().addSchemas("Complaint", complaint));

        new NullableProperties().customise(api);

        var properties = api.getComponents().getSchemas().get("Complaint").getProperties();
        assertThat(((Schema) properties.get("reference")).getTypes()).containsExactly("string");
        assertThat(((Schema) properties.get("email")).getTypes()).containsExactlyInAnyOrder("string", "null");
        assertThat(((Schema) properties.get("language")).getEnum()).containsExactly("fr", "en", null);
        Schema assignee = (Schema) properties.get("assignee");
        assertThat(assignee.getAnyOf()).hasSize(2);
        assertThat(((Schema) assignee.getAnyOf().get(0)).get$ref()).isEqualTo("#/components/schemas/StaffPerson");
        assertThat(((Schema) assignee.getAnyOf().get(1)).getTypes()).containsExactly("null");
    }
}
