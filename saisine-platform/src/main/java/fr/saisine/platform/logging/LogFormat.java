package fr.saisine.platform.logging;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code SAISINE_LOG_FORMAT=json} (or {@code saisine.log.format=json}): every log line is one JSON
 * object in the Elastic Common Schema, on the console, with the log context of each line (the
 * trace id, the request id, the complaint reference) as fields, for a log collector to index.
 * {@code text} (the default) keeps Spring Boot's readable lines. Read before logging starts, so
 * even the first line of the service is in the chosen format.
 */
public final class LogFormat implements EnvironmentPostProcessor {

    static final String PROPERTY = "saisine.log.format";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "text").strip().toLowerCase(Locale.ROOT);
        switch (format) {
            case "text", "" -> {
                // Spring Boot's own lines
            }
            case "json" -> environment.getPropertySources().addFirst(new MapPropertySource("saisine-log-format",
                    Map.of("logging.structured.format.console", "ecs")));
            default -> throw new IllegalArgumentException(
                    "SAISINE_LOG_FORMAT (saisine.log.format) must be json or text, not '" + format + "'");
        }
    }
}
