package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import fr.saisine.testsupport.TestServers;

/**
 * The check of the API descriptions (scripts/openapi-check.sh, as ApiDescriptionToolsIntegrationTests
 * runs it) on a small hand-made description: it passes as it is, and fails, saying why, on each
 * defect planted in it, as the services' descriptions had them.
 */
class OpenApiCheckTests {

    static final JsonMapper json = JsonMapper.builder().build();
    static final String FILING = "/paths/~1api~1v1~1complaints/post";

    static final String GOOD = """
            {
              "openapi": "3.1.0",
              "info": {"title": "A hand-made API", "version": "1.0.0", "license": {"name": "MIT", "identifier": "MIT"}},
              "servers": [{"url": "http://127.0.0.1:8081"}],
              "tags": [{"name": "Complaints", "description": "Filing"}],
              "paths": {
                "/api/v1/complaints": {
                  "post": {
                    "tags": ["Complaints"], "summary": "File a complaint", "operationId": "file", "security": [],
                    "requestBody": {"required": true, "content": {"application/json": {
                      "schema": {"$ref": "#/components/schemas/Complaint"},
                      "examples": {"person": {"value": {"subject": "Pas de réponse"}}}}}},
                    "responses": {
                      "201": {"description": "Filed", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Filed"},
                        "examples": {"filed": {"value": {"reference": "26000001"}}}}}},
                      "409": {"description": "In flight",
                        "headers": {"Retry-After": {"$ref": "#/components/headers/Retry-After"}},
                        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"},
                          "examples": {"in-flight": {"value": {"type": "/problems/request-in-flight", "status": 409}}}}}}
                    }
                  }
                }
              },
              "components": {
                "headers": {"Retry-After": {"description": "seconds", "schema": {"type": "string"}}},
                "schemas": {
                  "Complaint": {"type": "object", "properties": {"subject": {"type": "string"}}, "required": ["subject"]},
                  "Filed": {"type": "object", "properties": {"reference": {"type": "string", "pattern": "^[0-9]{8}$"}},
                    "required": ["reference"]},
                  "Problem": {"type": "object", "properties": {"type": {"type": "string"}, "status": {"type": "integer"}},
                    "required": ["type", "status"]}
                }
              }
            }""";

    @Test
    void shouldPassADescriptionWithoutDefect() throws Exception {
        OpenApiCheck.Result check = OpenApiCheck.of(write("good", json.readTree(GOOD)));

        assertThat(check.passed()).as(check.output()).isTrue();
    }

    static Stream<Arguments> defects() {
        return Stream.of(
                Arguments.of("an example member its schema does not declare",
                        plant(FILING + "/responses/201/content/application~1json/examples/filed/value",
                                value -> value.put("file", "releve.pdf")),
                        "no-invalid-media-type-examples"),
                Arguments.of("an example without a required member",
                        plant(FILING + "/requestBody/content/application~1json/examples/person/value",
                                value -> value.remove("subject")),
                        "must have required property 'subject'"),
                Arguments.of("a style beside a header's $ref",
                        plant(FILING + "/responses/409/headers/Retry-After", header -> header.put("style", "simple")),
                        "'style' was unexpected"),
                Arguments.of("a public operation that declares no security",
                        plant(FILING, operation -> operation.remove("security")), "security-defined"),
                Arguments.of("a Maven snapshot as info.version",
                        plant("/info", info -> info.put("version", "0.1.0-SNAPSHOT")),
                        "info.version '0.1.0-SNAPSHOT' is not a PEP 440 version"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void shouldFailOnAPlantedDefectSayingWhy(String defect, JsonNode description, String said) throws Exception {
        OpenApiCheck.Result check = OpenApiCheck.of(write(defect.replaceAll("[^a-z0-9]+", "-"), description));

        assertThat(check.passed()).as("the check passed %s:%n%s", defect, check.output()).isFalse();
        assertThat(check.output()).contains(said);
    }

    private static JsonNode plant(String pointer, Consumer<ObjectNode> defect) {
        JsonNode description = json.readTree(GOOD);
        defect.accept((ObjectNode) description.at(pointer));
        return description;
    }

    private static Path write(String name, JsonNode description) throws Exception {
        Path file = TestServers.projectRoot().resolve("saisine-e2e/target/openapi-check/" + name + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(description),
                StandardCharsets.UTF_8);
        return file;
    }
}
