package fr.saisine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartTest {

    @Test
    void shouldDrawEachViewAgainstTheCasesOfSavedRunsKeepingTheLatestRunAtEachCount(@TempDir Path runs)
            throws Exception {
        ReportTest.full(Instant.parse("2026-05-01T10:00:00Z"), 10_000, 25).write(runs);
        ReportTest.full(Instant.parse("2026-05-01T11:00:00Z"), 30_000, 999).write(runs);
        ReportTest.full(Instant.parse("2026-05-01T12:00:00Z"), 30_000, 35).write(runs);
        ReportTest.full(Instant.parse("2026-05-01T13:00:00Z"), 100_000, 45).write(runs);
        new Report(Instant.now(), ReportTest.MACHINE, null, new Report.Ceilings(1, 1, 1, 1), null, null, null, null)
                .write(runs.resolve("other"));
        Path svg = runs.resolve("docs/staff-views-p95.svg");

        int used = Chart.render(runs, svg);

        String drawn = Files.readString(svg);
        assertThat(used).isEqualTo(3);
        assertThat(drawn).startsWith("<svg").endsWith("</svg>\n").contains("goal 300 ms", "10 000", "30 000",
                "100 000", ">dashboard<", ">queue<", ">case<", ">search<", "dashboard at 30000 cases: p95 35 ms")
                .doesNotContain("p95 999 ms");
        assertThat(drawn.split("<polyline", -1)).hasSize(5);
        assertThat(drawn.split("<circle", -1)).hasSize(13);
    }

    @Test
    void shouldSayWhenNoRunMeasuredTheStaffViews(@TempDir Path runs) throws Exception {
        new Report(Instant.now(), ReportTest.MACHINE, null, new Report.Ceilings(1, 1, 1, 1), null, null, null, null)
                .write(runs);

        assertThatIllegalArgumentException().isThrownBy(() -> Chart.render(runs, runs.resolve("c.svg")))
                .withMessageContaining("no run with staff views");
    }
}
