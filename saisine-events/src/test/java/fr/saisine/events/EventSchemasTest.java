package fr.saisine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each event's record and its documented JSON Schema name the same fields, at every depth. */
class EventSchemasTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode schemaOf(EventType type) throws Exception {
        String path = "schemas/" + type.typeName() + ".v" + type.schemaVersion() + ".schema.json";
        try (InputStream in = EventType.class.getResourceAsStream(path)) {
            assertThat(in).as("schema %s beside the records", path).isNotNull();
            return JSON.readTree(in);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldDocumentEveryFieldOfEachEventAndNoOther(EventType type) throws Exception {
        assertSameFields(type.payloadType(), schemaOf(type), type.typeName());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldNameEachEnumValueInTheSchema(EventType type) throws Exception {
        assertEnums(type.payloadType(), schemaOf(type), type.typeName());
    }

    @Test
    void shouldDocumentTheAuditRecordLikeTheEvents() throws Exception {
        try (InputStream in = EventType.class.getResourceAsStream("schemas/AccessAudited.v1.schema.json")) {
            assertThat(in).as("the audit record's schema beside the records").isNotNull();
            JsonNode schema = JSON.readTree(in);
            assertSameFields(AccessAudited.class, schema, "AccessAudited");
            assertEnums(AccessAudited.class, schema, "AccessAudited");
        }
    }

    private static void assertSameFields(Class<?> record, JsonNode schema, String path) {
        Set<String> components = new TreeSet<>(Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName).toList());
        Set<String> documented = new TreeSet<>(schema.get("properties").propertyNames());
        assertThat(documented).as("fields of %s", path).isEqualTo(components);
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = schema.get("properties").get(component.getName());
            Class<?> nested = nestedRecord(component.getGenericType());
            if (nested != null) {
                JsonNode nestedSchema = property.has("items") ? property.get("items") : property;
                assertSameFields(nested, nestedSchema, path + "." + component.getName());
            }
        }
    }

    private static void assertEnums(Class<?> record, JsonNode schema, String path) {
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = schema.get("properties").get(component.getName());
            Class<?> type = component.getType();
            if (type.isEnum()) {
                List<String> values = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
                assertThat(property.get("enum").valueStream().filter(v -> !v.isNull()).map(JsonNode::asString).toList())
                        .as("values of %s.%s", path, component.getName()).isEqualTo(values);
            }
            Class<?> nested = nestedRecord(component.getGenericType());
            if (nested != null) {
                assertEnums(nested, property.has("items") ? property.get("items") : property,
                        path + "." + component.getName());
            }
        }
    }

    private static Class<?> nestedRecord(Type type) {
        if (type instanceof Class<?> c && c.isRecord() && c != Instant.class) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        return null;
    }
}
