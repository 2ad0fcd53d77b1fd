package fr.saisine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void shouldTakeArgumentsThenTheEnvironmentThenDefaults() {
        BenchOptions options = BenchOptions.parse(new String[] {"--complaints=500", "--timeout=90s"},
                Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"));

        assertThat(options.complaints()).isEqualTo(500);
        assertThat(options.clients()).isEqualTo(16);
        assertThat(options.kafka()).isEqualTo("127.0.0.1:19092");
        assertThat(options.mongo()).isEqualTo("mongodb://127.0.0.1:27017");
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.results()).isEqualTo(Path.of(".saisine/bench"));
    }

    @Test
    void shouldTakeEveryOptionInBothForms() {
        for (BenchOptions.Option option : BenchOptions.OPTIONS) {
            String value = switch (option.name()) {
                case "timeout" -> "30s";
                case "intake", "triage", "triage-management", "issuer", "metrics" -> "http://127.0.0.1:1";
                case "user", "kafka", "mongo", "results", "chart", "chart-file" -> "x";
                case "processes" -> "mongodb=7";
                default -> "7";
            };
            BenchOptions spaced = BenchOptions.parse(new String[] {"--" + option.name(), value}, Map.of());
            BenchOptions joined = BenchOptions.parse(new String[] {"--" + option.name() + "=" + value}, Map.of());
            assertThat(spaced).as(option.name()).isEqualTo(joined);
        }
        assertThat(BenchOptions.parse(new String[] {"--complaints", "1000", "--clients=4"}, Map.of()))
                .extracting(BenchOptions::complaints, BenchOptions::clients).containsExactly(1000, 4);
    }

    @Test
    void shouldShowInItsHelpExactlyTheOptionsItTakesOneLineEachWithItsDefault() {
        List<String> shown = Pattern.compile("^  --([a-z-]+)", Pattern.MULTILINE).matcher(BenchOptions.USAGE).results()
                .map(m -> m.group(1)).toList();

        assertThat(shown).containsExactlyElementsOf(java.util.stream.Stream.concat(
                BenchOptions.OPTIONS.stream().map(BenchOptions.Option::name), java.util.stream.Stream.of("help"))
                .toList());
        assertThat(BenchOptions.USAGE.lines().filter(l -> l.startsWith("  --") && !l.contains("--help")))
                .allMatch(l -> l.contains("(default "));
        assertThat(shown).contains("complaints", "clients", "wave", "cases", "attachments").doesNotContain("concurrency");
    }

    @Test
    void shouldRunThePipelineAloneWhenNoPartIsNamedAndOnlyThePartsNamedOtherwise() {
        BenchOptions none = BenchOptions.parse(new String[] {}, Map.of());
        assertThat(none.complaints()).isEqualTo(BenchOptions.DEFAULT_COMPLAINTS);
        assertThat(none.wave()).isNull();
        assertThat(none.cases()).isNull();
        assertThat(none.attachments()).isNull();

        BenchOptions cases = BenchOptions.parse(new String[] {"--cases", "10000"}, Map.of());
        assertThat(cases.cases()).isEqualTo(10_000);
        assertThat(cases.complaints()).isNull();
        assertThat(cases.wave()).isNull();
    }

    @Test
    void shouldRunTheErasureAloneWhenNamedAndReachTriagesManagementPort() {
        BenchOptions erase = BenchOptions.parse(new String[] {"--erase", "2_000", "--clients=8"}, Map.of());

        assertThat(erase.erase()).isEqualTo(2_000);
        assertThat(erase.complaints()).isNull();
        assertThat(erase.cases()).isNull();
        assertThat(erase.triageManagement()).isEqualTo("http://127.0.0.1:9082");
        assertThat(BenchOptions.parse(new String[] {"--erase=10", "--triage-management=http://127.0.0.1:19082"},
                Map.of()).triageManagement()).isEqualTo("http://127.0.0.1:19082");
        assertThat(BenchOptions.parse(new String[] {}, Map.of()).erase()).isNull();
        assertThat(BenchOptions.USAGE).contains("--erase N", "SAISINE_RETENTION_AFTER_CLOSING=PT1M",
                "--triage-management URL");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] {"--erase=0"}, Map.of()))
                .withMessage("--erase must be at least 1, got 0");
    }

    @Test
    void shouldRefuseAnUnknownOptionByName() {
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] {"--concurrency=4"}, Map.of()))
                .withMessage("unknown option --concurrency");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] {"--bogus", "1"}, Map.of()))
                .withMessage("unknown option --bogus");
    }

    @Test
    void shouldRefuseMalformedOrNonsensicalOptions() {
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] {"--complaints"}, Map.of()))
                .withMessageContaining("needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] {"complaints"}, Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] {"--clients=0"}, Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] {"--wave=many"}, Map.of()))
                .withMessageContaining("takes a number");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] {"--timeout=soon"}, Map.of()));
    }
}
