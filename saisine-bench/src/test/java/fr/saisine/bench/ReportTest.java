package fr.saisine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

class ReportTest {

    static final Machine MACHINE = new Machine("Test CPU", 2, 7.8, "Linux 6", "Temurin 25");

    static Report full(Instant startedAt, long cases, double dashboardP95) {
        var millis = Report.Millis.of(Percentiles.of(List.of(100L, 200L, 300L)));
        var pipeline = new Report.Pipeline(3000, 3000, 16, 0, 150.5, 400, 27_000L, 9.0, 21_000L, 7.0,
                byKey("notification-service/mail_queue/insert", 4.0, "intake-service/complaints/insert", 3.0,
                        "triage-service/cases/update", 2.0),
                byKey("intake-service/complaints/insert", 3.0, "notification-service/mail_queue/insert", 2.0,
                        "triage-service/cases/update", 2.0),
                millis, millis, 0.003, 0.08, new Report.Cpu(byKey("mongodb", 14.2, "notification", 9.0,
                        StackCpu.BENCHMARK, 3.3), 26.5, 2, 75.5));
        var ceilings = new Report.Ceilings(49_000, 900, 1_800, 16);
        var wave = new Report.Wave(12_000, 16, 0, 12_000, 850.0, 540.5, millis);
        var staff = new Report.Staff(cases, 0, null, 200,
                Map.of("dashboard", dashboardP95, "queue", 40.0, "case", 12.0, "search", 60.0),
                Map.of("dashboard", 5.0, "queue", 20.0, "case", 6.0, "search", 30.0), Map.of());
        var attachments = new Report.Attachments(1000, 1000, 20, 120.0, 180.0, 10_000_000, "ab");
        return new Report(startedAt, MACHINE, pipeline, ceilings, wave, staff, attachments, null);
    }

    /** An ordered map from key, value pairs, as the benchmark builds it: largest first. */
    static Map<String, Double> byKey(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return map;
    }

    @Test
    void shouldGiveEveryFigureTheIssueNamesAtItsPath() {
        JsonNode json = Http.JSON.readTree(full(Instant.parse("2026-05-01T10:00:00Z"), 10_000, 25).json());

        for (String path : List.of("/pipeline/complaintsPerSecond", "/pipeline/dbWritesPerComplaint",
                "/pipeline/submitToAckMs/p50", "/pipeline/submitToAckMs/p95", "/pipeline/submitToAckMs/p99",
                "/ceilings/kafkaRecordsPerSecond", "/ceilings/dbInsertsPerSecond", "/wave/complaints", "/wave/refused",
                "/wave/postP99Ms", "/wave/allAckedSeconds", "/staff/cases", "/staff/p95Ms/dashboard",
                "/staff/p95Ms/queue", "/staff/p95Ms/case", "/staff/p95Ms/search", "/attachments/stored",
                "/attachments/downloadP50Ms", "/attachments/downloadP95Ms", "/attachments/sizeBytes",
                "/machine/cores", "/machine/memoryGiB", "/machine/os", "/machine/jdk")) {
            assertThat(json.at(path).isNumber() || json.at(path).isString()).as(path).isTrue();
        }
        assertThat(json.at("/startedAt").asString()).isEqualTo("2026-05-01T10:00:00Z");
        assertThat(json.at("/pipeline/submitToAckMs/p95").asDouble()).isEqualTo(300);
    }

    @Test
    void shouldKeepTheWritesByCollectionInTheirOrderLargestFirst() {
        JsonNode json = Http.JSON.readTree(full(Instant.now(), 10_000, 25).json());

        assertThat(json.at("/pipeline/dbWrites").asLong()).isEqualTo(27_000);
        assertThat(json.at("/pipeline/dbWriteCommands").asLong()).isEqualTo(21_000);
        assertThat(json.at("/pipeline/dbWriteCommandsPerComplaint").asDouble()).isEqualTo(7.0);
        assertThat(json.at("/pipeline/dbWritesByCollection").propertyNames()).containsExactly(
                "notification-service/mail_queue/insert", "intake-service/complaints/insert",
                "triage-service/cases/update");
        assertThat(json.at("/pipeline/dbWritesByCollection/notification-service~1mail_queue~1insert").asDouble())
                .isEqualTo(4.0);
        assertThat(json.at("/pipeline/dbWriteCommandsByCollection").propertyNames()).containsExactly(
                "intake-service/complaints/insert", "notification-service/mail_queue/insert",
                "triage-service/cases/update");
    }

    @Test
    void shouldPrintCommandsPerComplaintAndTheBreakdownAfterTheDatabaseWrites() {
        String table = full(Instant.now(), 10_000, 25).table();

        assertThat(table).containsSubsequence("database writes", "9.0 per complaint (27000 documents",
                "write commands", "7.00 per complaint (21000 round trips)",
                "    notification-service mail_queue insert   4.00 docs, 2.00 cmds",
                "    intake-service complaints insert         3.00 docs, 3.00 cmds",
                "    triage-service cases update              2.00 docs, 2.00 cmds", "Wave");
    }

    @Test
    void shouldPrintTheCpuEachProcessUsedPerComplaintAndWhatTheCoresCarryAtThatCost() {
        Report report = full(Instant.now(), 10_000, 25);

        assertThat(report.table()).containsSubsequence("write commands",
                "  CPU per complaint  26.5 ms: mongodb 14.2, notification 9.0, benchmark 3.3",
                "at that cost the machine's 2 cores carry at most 75.5 complaints/s", "Wave");
        JsonNode json = Http.JSON.readTree(report.json());
        assertThat(json.at("/pipeline/cpu/msPerComplaint").propertyNames()).containsExactly("mongodb", "notification",
                "benchmark");
        assertThat(json.at("/pipeline/cpu/totalMsPerComplaint").asDouble()).isEqualTo(26.5);
        assertThat(json.at("/pipeline/cpu/complaintsPerSecondAtFullCpu").asDouble()).isEqualTo(75.5);
    }

    @Test
    void shouldShowTheFirstFifteenKeysAndSayHowManyMoreTheJsonHas() {
        Map<String, Double> many = new LinkedHashMap<>();
        for (int i = 20; i > 0; i--) {
            many.put("intake-service/c" + i + "/insert", i / 10.0);
        }
        var millis = Report.Millis.of(Percentiles.of(List.of(1L)));
        var pipeline = new Report.Pipeline(10, 10, 1, 0, 1, 1, 21L, 2.1, null, null, many, null, millis, millis,
                null, null, null);

        String table = new Report(Instant.now(), MACHINE, pipeline, null, null, null, null, null).table();

        assertThat(table).contains("not counted (a service without saisine_db_write_commands_total)",
                "    intake-service c20 insert   2.00 docs, - cmds", "intake-service c6 insert",
                "... and 5 more in the JSON").doesNotContain("c5 insert");
    }

    @Test
    void shouldSayTheWritesWereNotCountedWithoutABreakdown() {
        var millis = Report.Millis.of(Percentiles.of(List.of(1L)));
        var pipeline = new Report.Pipeline(10, 10, 1, 0, 1, 1, null, null, null, null, null, null, millis, millis,
                null, null, null);

        String table = new Report(Instant.now(), MACHINE, pipeline, null, null, null, null, null).table();

        assertThat(table).contains("not counted (a service without saisine_db_writes_total")
                .doesNotContain("write commands").doesNotContain("docs,");
    }

    @Test
    void shouldLeaveThePartsARunDidNotDoNull() {
        var only = new Report(Instant.now(), MACHINE, null, new Report.Ceilings(1, 1, 1, 1), null, null, null, null);
        JsonNode json = Http.JSON.readTree(only.json());

        assertThat(json.path("pipeline").isNull()).isTrue();
        assertThat(json.path("wave").isNull()).isTrue();
        assertThat(json.path("staff").isNull()).isTrue();
        assertThat(json.path("attachments").isNull()).isTrue();
        assertThat(json.path("erasure").isNull()).isTrue();
        assertThat(only.table()).contains("Database ceiling").doesNotContain("Pipeline").doesNotContain("% of it");
    }

    static Erasure.Result erasureResult(int cases, double seconds) {
        var setUp = new Erasure.SetUp(cases, cases / 40.0, cases, cases / 20.0, 75);
        var cpu = new Report.Cpu(byKey("mongodb", 6.0, "triage", 4.0, StackCpu.BENCHMARK, 0.5), 10.5, 2, 190.5);
        var writes = new DatabaseWrites.Cost(9L * cases, 3L * cases, byKey("triage-service/case_versions/insert", 2.0,
                "intake-service/complaints/delete", 1.0), byKey("triage-service/case_versions/insert", 2.0));
        return new Erasure.Result(cases, "PT1M", setUp, "20261207T101500Z-abc123", cases, cases, seconds,
                seconds / 3, 1.5, Map.of("cases", (long) cases), java.util.Optional.of(cpu), writes);
    }

    @Test
    void shouldGiveTheErasuresFiguresAtTheirPathsWithTheRateAndTheExtrapolationTo100000() {
        Report.Erasure erasure = Report.erasure(erasureResult(2_000, 40), 16);
        JsonNode json = Http.JSON.readTree(new Report(Instant.now(), MACHINE, null, new Report.Ceilings(1, 1, 1, 1),
                null, null, null, erasure).json());

        assertThat(json.at("/erasure/erased").asInt()).isEqualTo(2_000);
        assertThat(json.at("/erasure/seconds").asDouble()).isEqualTo(40);
        assertThat(json.at("/erasure/casesPerSecond").asDouble()).isEqualTo(50);
        assertThat(json.at("/erasure/secondsFor100000").asDouble()).isEqualTo(2_000);
        assertThat(json.at("/erasure/extrapolated").asBoolean()).isTrue();
        assertThat(json.at("/erasure/period").asString()).isEqualTo("PT1M");
        assertThat(json.at("/erasure/setUp/filingPerSecond").asDouble()).isEqualTo(40);
        assertThat(json.at("/erasure/setUp/closingPerSecond").asDouble()).isEqualTo(20);
        assertThat(json.at("/erasure/cpu/msPerCase").propertyNames()).containsExactly("mongodb", "triage", "benchmark");
        assertThat(json.at("/erasure/cpu/casesPerSecondAtFullCpu").asDouble()).isEqualTo(190.5);
        assertThat(json.at("/erasure/dbWritesPerCase").asDouble()).isEqualTo(9);
        assertThat(json.at("/erasure/dbWriteCommandsPerCase").asDouble()).isEqualTo(3);
        assertThat(json.at("/ceilings/dbInsertsPerSecond").isNumber()).isTrue();
    }

    @Test
    void shouldPrintTheErasureWithItsSetUpApartAndSayWhenTheTimeFor100000IsExtrapolated() {
        String extrapolated = new Report(Instant.now(), MACHINE, null, new Report.Ceilings(1, 1, 1, 1), null, null,
                null, Report.erasure(erasureResult(2_000, 40), 16)).table();
        String measured = new Report(Instant.now(), MACHINE, null, null, null, null, null,
                Report.erasure(erasureResult(100_000, 500), 16)).table();

        assertThat(extrapolated).containsSubsequence("Erasure", "2000 closed cases' personal data, retention period PT1M, run 20261207T101500Z-abc123",
                "set-up (untimed)", "2000 filed in 50 s (40.0/s, 16 clients), 2000 closed in 100 s (20.0/s), 75 s",
                "erased", "2000 cases (2000 of the 2000 closed now) in 40.0 s", "throughput", "50.0 cases erased/s",
                "100,000 cases", "2000 s (33.3 min) extrapolated at that rate, over the 10 minutes",
                "database writes", "9.0 per case (18000 documents), 3.00 write commands per case",
                "triage-service case_versions insert", "CPU per case", "10.5 ms: mongodb 6.0, triage 4.0, benchmark 0.5",
                "at most 190.5 erasures/s", "Kafka ceiling", "Database ceiling");
        assertThat(measured).contains("500 s (8.3 min) measured, within the 10 minutes").doesNotContain("extrapolated");
    }

    @Test
    void shouldWriteNoSampleAsNullRatherThanNaN() {
        JsonNode json = Http.JSON.readTree(Http.JSON.writeValueAsString(Report.Millis.of(Percentiles.of(List.of()))));

        assertThat(json.path("p95").isNull()).isTrue();
    }

    @Test
    void shouldWriteLastJsonAndADatedCopy(@TempDir Path results) throws Exception {
        Report report = full(Instant.parse("2026-05-01T10:00:00Z"), 10_000, 25);

        Path dated = report.write(results);

        assertThat(dated.getFileName().toString()).isEqualTo("bench-20260501-100000.json");
        assertThat(Files.readString(results.resolve("last.json"))).isEqualTo(Files.readString(dated));
    }

    @Test
    void shouldPrintTheSameFiguresWithThePipelineAsAShareOfEachCeiling() {
        String table = full(Instant.now(), 10_000, 25).table();

        assertThat(table).contains("150.5 complaints/s", "9.0 per complaint", "0.30 % of it", "8.00 % of it",
                "refused", "540.5 s", "dashboard", "p95 25 ms", "10000 cases", "p95 180 ms");
    }
}
