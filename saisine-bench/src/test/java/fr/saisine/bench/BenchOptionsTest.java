package fr.saisine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void shouldTakeArgumentsThenTheEnvironmentThenDefaults() {
        BenchOptions options = BenchOptions.parse(new String[] {"--complaints=500", "--timeout=90s"},
                Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092"));

        assertThat(options.complaints()).isEqualTo(500);
        assertThat(options.concurrency()).isEqualTo(16);
        assertThat(options.kafka()).isEqualTo("127.0.0.1:19092");
        assertThat(options.mongo()).isEqualTo("mongodb://127.0.0.1:27017");
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void shouldTakeANameAndItsValueAsTwoArgumentsToo() {
        BenchOptions options = BenchOptions.parse(new String[] {"--complaints", "1000", "--concurrency=4"}, Map.of());

        assertThat(options.complaints()).isEqualTo(1000);
        assertThat(options.concurrency()).isEqualTo(4);
    }

    @Test
    void shouldRefuseMalformedOrNonsensicalOptions() {
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] {"--complaints"}, Map.of()))
                .withMessageContaining("needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] {"complaints"}, Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse(new String[] {"--concurrency=0"}, Map.of()));
    }
}
