package fr.saisine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

import fr.saisine.events.Topics;

/**
 * Holds a service's application.yml to {@link Topics}: every binding's destination is one of
 * its topics, and every dead-letter topic is named as {@link Topics#deadLetters} names it, so
 * that a topic is named in one place and a typo cannot start a topic of its own.
 */
public final class TopicBindings {

    private TopicBindings() {
    }

    public static void assertNamedByTopics(Path applicationYml) throws IOException {
        Map<String, Object> yml;
        try (InputStream in = Files.newInputStream(applicationYml)) {
            yml = new Yaml().load(in);
        }
        Map<String, Object> stream = child(child(child(yml, "spring"), "cloud"), "stream");
        Map<String, Object> bindings = child(stream, "bindings");
        assertThat(bindings).as("bindings in %s", applicationYml).isNotEmpty();
        List<String> checked = new ArrayList<>();
        bindings.forEach((name, binding) -> {
            Map<String, Object> settings = cast(binding);
            String destination = (String) settings.get("destination");
            assertThat(Topics.ALL).as("destination of %s", name).contains(destination);
            Map<String, Object> kafka = child(child(child(child(stream, "kafka"), "bindings"), name), "consumer");
            if (kafka.containsKey("dlq-name")) {
                assertThat(kafka.get("dlq-name")).as("dead letters of %s", name)
                        .isEqualTo(Topics.deadLetters(destination, (String) settings.get("group")));
            }
            checked.add(name);
        });
        assertThat(checked).isNotEmpty();
    }

    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value == null ? Map.of() : cast(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
