package fr.saisine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StackCpuTest {

    /** A shell that starts another looping until it is stopped, and sleeps. */
    static Process busyParentOfABusyChild() throws Exception {
        return new ProcessBuilder("sh", "-c", "sh -c 'while :; do :; done' & sleep 30; wait").start();
    }

    @Test
    void shouldCountTheCpuOfAProcessWithThatOfItsChildren() throws Exception {
        Process parent = busyParentOfABusyChild();
        try {
            StackCpu stack = new StackCpu(Map.of("busy", parent.pid()));
            Map<String, Duration> before = stack.read();
            Thread.sleep(1500);
            Map<String, Duration> after = stack.read();

            assertThat(after).containsKeys("busy", StackCpu.BENCHMARK);
            assertThat(after.get("busy").minus(before.get("busy")))
                    .as("the parent only sleeps: what it used is its child's").isGreaterThan(Duration.ofMillis(300));
        }
        finally {
            parent.descendants().forEach(ProcessHandle::destroyForcibly);
            parent.destroyForcibly();
        }
    }

    @Test
    void shouldLeaveOutAProcessThatIsGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();

        assertThat(new StackCpu(Map.of("gone", gone.pid())).read()).containsOnlyKeys(StackCpu.BENCHMARK);
    }

    @Test
    void shouldGiveEachProcessItsMillisecondsPerComplaintLargestFirstAndWhatTheCoresCarry() {
        var before = Map.of("mongodb", Duration.ofSeconds(10), "kafka", Duration.ofSeconds(5), "smtp", Duration.ZERO);
        var after = Map.of("mongodb", Duration.ofSeconds(40), "kafka", Duration.ofSeconds(25), "gone-meanwhile",
                Duration.ofSeconds(99), "smtp", Duration.ofSeconds(10));

        Report.Cpu cpu = StackCpu.perComplaint(before, after, 1000, 2).orElseThrow();

        assertThat(cpu.msPerComplaint()).containsExactly(Map.entry("mongodb", 30.0), Map.entry("kafka", 20.0),
                Map.entry("smtp", 10.0));
        assertThat(cpu.totalMsPerComplaint()).isEqualTo(60.0);
        assertThat(cpu.complaintsPerSecondAtFullCpu()).as("2 cores: 2,000 ms of CPU a second").isEqualTo(33.333);
    }

    @Test
    void shouldTakeTheProcessesAsSaisineNamesThem() {
        assertThat(StackCpu.parse("mongodb=12,kafka=34,")).containsExactly(Map.entry("mongodb", 12L),
                Map.entry("kafka", 34L));
        assertThat(StackCpu.parse("")).isEmpty();
        assertThatThrownBy(() -> StackCpu.parse("mongodb")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name=pid");
    }
}
