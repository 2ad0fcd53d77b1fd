package fr.saisine.intake.ratelimit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void shouldReadACountPerIsoDuration() {
        assertThat(RateLimit.parse("20 per PT1H")).isEqualTo(new RateLimit(20, Duration.ofHours(1)));
        assertThat(RateLimit.parse(" 5 per pt10s ")).isEqualTo(new RateLimit(5, Duration.ofSeconds(10)));
    }

    @Test
    void shouldBeOffWhenSaidSo() {
        assertThat(RateLimit.parse("off").isOff()).isTrue();
        assertThat(RateLimit.parse("OFF").isOff()).isTrue();
    }

    @Test
    void shouldRefuseASettingItCannotRead() {
        for (String wrong : new String[] {"20", "20 per hour", "0 per PT1H", "20 per PT0S", "-1 per PT1H"}) {
            assertThatThrownBy(() -> RateLimit.parse(wrong)).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("20 per PT1H");
        }
    }
}
