package fr.saisine.platform.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The services write every field of a record, {@code null} included (an absent email is
 * {@code "email": null}, never a missing key), and read a {@code null} as an absent value. So a
 * property that is not required may be null, and the description says so: OpenAPI 3.1's
 * {@code "null"} type beside its own, or {@code anyOf} a reference and null. What is always
 * there is marked required on the record ({@code @Schema(requiredMode = REQUIRED)}) or by its
 * validation ({@code @NotNull}, {@code @NotBlank}). The problem schemas are left as they are:
 * their optional members are left out, never null.
 */
public final class NullableProperties implements OpenApiCustomizer {

    private static final Set<String> LEFT_AS_THEY_ARE = Set.of(ProblemResponses.PROBLEM_SCHEMA, "FieldError");

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        api.getComponents().getSchemas().forEach((name, schema) -> {
            if (!LEFT_AS_THEY_ARE.contains(name)) {
                nullableUnlessRequired(schema);
            }
        });
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableUnlessRequired(Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema nullable(Schema property) {
        if (property.get$ref() != null || property.getAllOf() != null) {
            Schema alternatives = new Schema<>();
            alternatives.setDescription(property.getDescription());
            property.setDescription(null);
            List<Schema> anyOf = new ArrayList<>();
            anyOf.add(property);
            anyOf.add(ProblemResponses.typed(new Schema<>(), "null"));
            alternatives.setAnyOf(anyOf);
            return alternatives;
        }
        if (property.getTypes() != null && !property.getTypes().contains("null")) {
            property.addType("null");
            if (property.getEnum() != null && !property.getEnum().contains(null)) {
                property.addEnumItemObject(null);
            }
        }
        return property;
    }
}
