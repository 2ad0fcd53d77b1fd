package fr.saisine.intake.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import fr.saisine.testsupport.TestServers;

/**
 * The settings the public pages state but other services apply keep the same defaults here as
 * there: the period after closing that triage erases on, the authority that notification's letters
 * name. (A deployment sets each with one environment variable, which both services read.)
 */
class MirroredSettingsTest {

    static final List<String> AUTHORITY = List.of("name", "short-name", "service", "postal-address[0]",
            "postal-address[1]", "phone", "email", "website", "dpo-contact");

    @Test
    void shouldStateTheRetentionAfterClosingThatTriageApplies() throws IOException {
        assertThat(setting("intake-service", "saisine.retention.after-closing")).isNotNull()
                .isEqualTo(setting("triage-service", "saisine.retention.after-closing"));
    }

    @Test
    void shouldNameTheAuthorityAsTheLettersDo() throws IOException {
        for (String key : AUTHORITY) {
            assertThat(setting("intake-service", "saisine.authority." + key)).as(key).isNotNull()
                    .isEqualTo(setting("notification-service", "saisine.authority." + key));
        }
    }

    static Object setting(String service, String name) throws IOException {
        var yml = new FileSystemResource(TestServers.projectRoot().resolve(service).resolve("src/main/resources/application.yml"));
        for (PropertySource<?> properties : new YamlPropertySourceLoader().load("application.yml", yml)) {
            Object value = properties.getProperty(name);
            if (value != null) {
                return value.toString();
            }
        }
        return null;
    }
}
