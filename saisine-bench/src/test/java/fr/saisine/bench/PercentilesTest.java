package fr.saisine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void shouldTakeNearestRankPercentiles() {
        Percentiles p = Percentiles.of(LongStream.rangeClosed(1, 100).boxed().toList());

        assertThat(p.p50()).isEqualTo(50);
        assertThat(p.p95()).isEqualTo(95);
        assertThat(p.p99()).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
        assertThat(p.count()).isEqualTo(100);
    }

    @Test
    void shouldNotDependOnTheOrderOfTheSamples() {
        assertThat(Percentiles.of(List.of(30L, 10L, 20L)).p50()).isEqualTo(20);
    }

    @Test
    void shouldReportNothingForNoSamples() {
        assertThat(Percentiles.of(List.of()).count()).isZero();
        assertThat(Percentiles.of(List.of()).p50()).isNaN();
    }
}
