package fr.saisine.notification.message.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** Who speaks is configuration: application.yml's placeholders, each overridden by an environment variable. */
class AuthorityPropertiesTests {

    @Test
    void shouldTakeAnEnvironmentVariableOverTheApplicationYmlPlaceholderAndFindASectorWhateverItsCase()
            throws IOException {
        List<PropertySource<?>> sources = new ArrayList<>();
        // as Spring Boot orders them: the environment before application.yml
        sources.add(new SystemEnvironmentPropertySource("env", Map.of(
                "SAISINE_AUTHORITY_NAME", "Commission nationale de l'informatique et des libertés",
                "SAISINE_AUTHORITY_SIGNATORIES_APSF_NAME", "Camille Dupont",
                "SAISINE_AUTHORITY_SIGNATORIES_APSF_TITLE", "Cheffe du service des plaintes")));
        sources.addAll(new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml")));

        AuthorityProperties authority = new Binder(ConfigurationPropertySources.from(sources))
                .bind("saisine.authority", AuthorityProperties.class).get();

        assertThat(authority.name()).isEqualTo("Commission nationale de l'informatique et des libertés");
        assertThat(authority.city()).isEqualTo("Paris");
        assertThat(authority.signatory("APSF").name()).isEqualTo("Camille Dupont");
        assertThat(authority.signatory("APSF").title()).isEqualTo("Cheffe du service des plaintes");
        assertThat(authority.signatory("APSF").delegation()).isEqualTo("Pour la présidente et par délégation");
        assertThat(authority.signatory("NUM").name()).isEqualTo("[Nom du signataire — à configurer]");
        assertThat(authority.signatory("UNKNOWN").title()).isEqualTo("[Qualité du signataire — à configurer]");
    }

    @Test
    void shouldShipPlaceholdersThatShowTheyAreToBeConfigured() {
        AuthorityProperties authority = TestLetterWriters.authority();
        assertThat(List.of(authority.name(), authority.phone(), authority.signatory("APSF").name(),
                authority.postalAddress().getFirst())).allSatisfy(value -> assertThat(value).contains("à configurer"));
    }
}
