package fr.saisine.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiVersionTests {

    @ParameterizedTest
    @CsvSource({
            "0.1.0-SNAPSHOT, 0.1.0.dev0",
            "0.1.0, 0.1.0",
            "2.3, 2.3",
            "1.2.0-RC1, 1.2.0+rc1",
            "1.2.0-alpha-2, 1.2.0+alpha.2",
            "snapshot, 0.dev0",
            "'', 0.dev0"})
    void shouldWriteTheMavenVersionAsPep440Asks(String maven, String pep440) {
        assertThat(ApiVersion.of(maven)).isEqualTo(pep440)
                // PEP 440's public version, with a local label after '+' (its appendix's regular expression, simplified)
                .matches("[0-9]+(\\.[0-9]+)*(\\.dev[0-9]+)?(\\+[a-z0-9]+(\\.[a-z0-9]+)*)?");
    }
}
