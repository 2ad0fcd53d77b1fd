package fr.saisine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run's figures, as {@code .saisine/bench/last.json} keeps them (with a dated copy beside it) so
 * that runs can be compared: a part the run did not do is null.
 */
record Report(Instant startedAt, Machine machine, Pipeline pipeline, Ceilings ceilings, Wave wave, Staff staff,
        Attachments attachments, Erasure erasure) {

    static final int BREAKDOWN_ROWS = 15;
    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Latency percentiles in milliseconds; null where there was no sample. */
    record Millis(Double p50, Double p95, Double p99, Double max, long count) {
        static Millis of(Percentiles p) {
            return new Millis(real(p.p50()), real(p.p95()), real(p.p99()), real(p.max()), p.count());
        }
    }

    /**
     * {@code dbWrites} counts documents, {@code dbWriteCommands} the commands that wrote them (round
     * trips); the two {@code ...ByCollection} maps give each per complaint by
     * {@code application/collection/command}, largest first.
     */
    record Pipeline(int complaints, int acknowledged, int clients, double pacedRatePerSecond,
            double complaintsPerSecond, double acceptedPerSecond, Long dbWrites, Double dbWritesPerComplaint,
            Long dbWriteCommands, Double dbWriteCommandsPerComplaint, Map<String, Double> dbWritesByCollection,
            Map<String, Double> dbWriteCommandsByCollection, Millis submitToAckMs, Millis postMs,
            Double shareOfKafkaCeiling, Double shareOfDbCeiling, Cpu cpu) {
    }

    /**
     * CPU per complaint of each process measured (ms, largest first), in all, and the complaints a
     * second the machine's cores would carry at that cost: the bound of a machine the whole stack shares.
     */
    record Cpu(Map<String, Double> msPerComplaint, double totalMsPerComplaint, int cores,
            Double complaintsPerSecondAtFullCpu) {
    }

    record Ceilings(double kafkaRecordsPerSecond, int kafkaRecordBytes, double dbInsertsPerSecond,
            int dbInsertClients) {
    }

    record Wave(int complaints, int clients, int refused, int acknowledged, Double postP99Ms, Double allAckedSeconds,
            Millis postMs) {
    }

    /** {@code p95Ms} and {@code p50Ms} by view: dashboard, queue, case, search. */
    record Staff(long cases, int seeded, Double seedingPerSecond, int requestsPerView, Map<String, Double> p95Ms,
            Map<String, Double> p50Ms, Map<String, Integer> errors) {
    }

    record Attachments(int stored, int seeded, int downloads, Double downloadP50Ms, Double downloadP95Ms,
            int sizeBytes, String sha256) {
    }

    /**
     * The erasure of closed cases' personal data by one retention run: {@code erasedOfBench} of the
     * cases closed by the set-up were in it (all, unless triage lost some closings); {@code casesPerSecond} is the cases erased over the {@code seconds}
     * from the run's POST until every service had answered for every case; {@code secondsFor100000}
     * is the time 100,000 would take at that rate, {@code extrapolated} unless the run erased that many.
     * The CPU and the documents written are per erased case; {@code setUp} (filing, closing, waiting
     * out the retention period) is not in the time.
     */
    record Erasure(int cases, int clients, String period, ErasureSetUp setUp, String runId, int erased,
            int erasedOfBench, double seconds, double casesPerSecond, double retentionPostSeconds,
            double recordReadSeconds, Map<String, Long> erasedByKind, CpuPerCase cpu, Long dbWrites,
            Double dbWritesPerCase, Long dbWriteCommands, Double dbWriteCommandsPerCase,
            Map<String, Double> dbWritesByCollection, Map<String, Double> dbWriteCommandsByCollection,
            Double secondsFor100000, boolean extrapolated) {
    }

    /** What the erasure's set-up took: complaints filed, cases closed, the wait for the period and a quiet stack. */
    record ErasureSetUp(int filed, double filingSeconds, double filingPerSecond, int closed, double closingSeconds,
            double closingPerSecond, double waitedSeconds) {
    }

    /** As {@link Cpu}, per erased case. */
    record CpuPerCase(Map<String, Double> msPerCase, double totalMsPerCase, int cores, Double casesPerSecondAtFullCpu) {
    }

    static Erasure erasure(fr.saisine.bench.Erasure.Result result, int clients) {
        var setUp = result.setUp();
        var cost = result.writes();
        double rate = result.erased() / Math.max(0.001, result.seconds());
        return new Erasure(result.cases(), clients, result.period(), new ErasureSetUp(setUp.filed(),
                round(setUp.filingSeconds()), round(setUp.filed() / Math.max(0.001, setUp.filingSeconds())),
                setUp.closed(), round(setUp.closingSeconds()),
                round(setUp.closed() / Math.max(0.001, setUp.closingSeconds())), round(setUp.waitedSeconds())),
                result.runId(), result.erased(), result.erasedOfBench(), round(result.seconds()), round(rate),
                round(result.postSeconds()), round(result.readSeconds()), result.totals(),
                result.cpu().map(c -> new CpuPerCase(c.msPerComplaint(), c.totalMsPerComplaint(), c.cores(),
                        c.complaintsPerSecondAtFullCpu())).orElse(null),
                cost.documents(), perCase(cost.documents(), result.erased()), cost.commands(),
                perCase(cost.commands(), result.erased()), cost.documentsByKey(), cost.commandsByKey(),
                result.erased() == 0 ? null : round(fr.saisine.bench.Erasure.GOAL_CASES / rate),
                result.erased() < fr.saisine.bench.Erasure.GOAL_CASES);
    }

    private static Double perCase(Long count, int cases) {
        return count == null || cases == 0 ? null : round((double) count / cases);
    }

    static Staff staff(StaffViews.Result result) {
        Map<String, Double> p95 = new LinkedHashMap<>();
        Map<String, Double> p50 = new LinkedHashMap<>();
        result.views().forEach((view, p) -> {
            p95.put(view, real(p.p95()));
            p50.put(view, real(p.p50()));
        });
        return new Staff(result.cases(), result.seeded(), result.seeded() > 0 ? round(result.seedingPerSecond()) : null,
                StaffViews.REQUESTS, p95, p50, result.errors());
    }

    static Attachments attachments(fr.saisine.bench.Attachments.Result result) {
        return new Attachments(result.stored(), result.seeded(), (int) result.downloads().count(),
                real(result.downloads().p50()), real(result.downloads().p95()), result.sizeBytes(), result.sha256());
    }

    static Double real(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    String json() {
        return JSON.writeValueAsString(this);
    }

    /** last.json, and the same under the time the run started. */
    Path write(Path results) throws IOException {
        Files.createDirectories(results);
        String json = json();
        Path dated = results.resolve("bench-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(startedAt) + ".json");
        Files.writeString(dated, json);
        Files.writeString(results.resolve("last.json"), json);
        return dated;
    }

    /** The table printed at the end: the same figures as the JSON. */
    String table() {
        StringBuilder out = new StringBuilder("\n");
        if (pipeline != null) {
            row(out, "Pipeline", "%d complaints, %d acknowledged, %d clients%s".formatted(pipeline.complaints(),
                    pipeline.acknowledged(), pipeline.clients(), pipeline.pacedRatePerSecond() > 0
                            ? ", paced at " + pipeline.pacedRatePerSecond() + "/s" : ""));
            row(out, "  throughput", "%.1f complaints/s (POST accepted to acknowledgement sent)"
                    .formatted(pipeline.complaintsPerSecond()));
            row(out, "  intake accepted", "%.1f complaints/s".formatted(pipeline.acceptedPerSecond()));
            row(out, "  submit to ack", ms(pipeline.submitToAckMs()));
            row(out, "  POST", ms(pipeline.postMs()));
            row(out, "  database writes", pipeline.dbWritesPerComplaint() == null
                    ? "not counted (a service without saisine_db_writes_total, or not reachable)"
                    : "%.1f per complaint (%d documents, three services)".formatted(pipeline.dbWritesPerComplaint(),
                            pipeline.dbWrites()));
            if (pipeline.dbWritesPerComplaint() != null) {
                row(out, "  write commands", pipeline.dbWriteCommandsPerComplaint() == null
                        ? "not counted (a service without saisine_db_write_commands_total)"
                        : "%.2f per complaint (%d round trips)".formatted(pipeline.dbWriteCommandsPerComplaint(),
                                pipeline.dbWriteCommands()));
                breakdown(out, pipeline.dbWritesByCollection(), pipeline.dbWriteCommandsByCollection());
            }
            if (pipeline.cpu() != null) {
                cpu(out, pipeline.cpu());
            }
        }
        if (wave != null) {
            row(out, "Wave", "%d complaints at once from %d clients".formatted(wave.complaints(), wave.clients()));
            row(out, "  refused", String.valueOf(wave.refused()));
            row(out, "  POST p99", wave.postP99Ms() == null ? "-" : "%.0f ms".formatted(wave.postP99Ms()));
            row(out, "  all acknowledged", wave.allAckedSeconds() == null
                    ? "no: %d of %d within the time-out".formatted(wave.acknowledged(), wave.complaints() - wave.refused())
                    : "%.1f s after the first POST".formatted(wave.allAckedSeconds()));
        }
        if (staff != null) {
            row(out, "Staff views", "%d cases in APSF, %d requests per view, one at a time%s".formatted(staff.cases(),
                    staff.requestsPerView(), staff.seeded() > 0 ? " (%d seeded now at %.1f/s)".formatted(
                            staff.seeded(), staff.seedingPerSecond()) : ""));
            staff.p95Ms().forEach((view, p95) -> row(out, "  " + view, "p95 %s, p50 %s%s".formatted(
                    p95 == null ? "-" : "%.0f ms".formatted(p95),
                    staff.p50Ms().get(view) == null ? "-" : "%.0f ms".formatted(staff.p50Ms().get(view)),
                    staff.errors().getOrDefault(view, 0) > 0 ? ", " + staff.errors().get(view) + " errors" : "")));
        }
        if (attachments != null) {
            row(out, "Attachments", "%d stored; a %.1f MB one downloaded %d times, SHA-256 checked".formatted(
                    attachments.stored(), attachments.sizeBytes() / 1e6, attachments.downloads()));
            row(out, "  download", "p50 %.0f ms, p95 %.0f ms".formatted(attachments.downloadP50Ms(),
                    attachments.downloadP95Ms()));
        }
        if (erasure != null) {
            erasure(out, erasure);
        }
        if (ceilings != null) {
            row(out, "Kafka ceiling", "%.0f records/s of %d bytes (acks=all, idempotent)%s".formatted(
                    ceilings.kafkaRecordsPerSecond(), ceilings.kafkaRecordBytes(), pipeline == null ? ""
                            : "; pipeline %.2f %% of it".formatted(100 * pipeline.shareOfKafkaCeiling())));
            row(out, "Database ceiling", "%.0f single-document inserts/s from %d clients%s".formatted(
                    ceilings.dbInsertsPerSecond(), ceilings.dbInsertClients(), pipeline == null ? ""
                            : "; pipeline %.2f %% of it".formatted(100 * pipeline.shareOfDbCeiling())));
        }
        row(out, "Machine", machine.describe());
        row(out, "Started", startedAt.toString());
        return out.toString();
    }

    /**
     * Where the writes went, largest first: documents and commands per complaint for each
     * application, collection and command, the first {@value #BREAKDOWN_ROWS} (the JSON has all).
     */
    private static void breakdown(StringBuilder out, Map<String, Double> documentsByKey,
            Map<String, Double> commandsByKey) {
        Map<String, Double> documents = documentsByKey == null ? Map.of() : documentsByKey;
        Map<String, Double> commands = commandsByKey == null ? Map.of() : commandsByKey;
        Set<String> keys = new LinkedHashSet<>(documents.keySet());
        keys.addAll(commands.keySet());
        List<String> shown = keys.stream().limit(BREAKDOWN_ROWS).toList();
        String line = "    %-" + shown.stream().mapToInt(String::length).max().orElse(1) + "s %6.2f docs, %s%n";
        for (String key : shown) {
            out.append(line.formatted(key.replace('/', ' '),
                    documents.getOrDefault(key, 0.0), commandsByKey == null ? "- cmds"
                            : "%.2f cmds".formatted(commands.getOrDefault(key, 0.0))));
        }
        if (keys.size() > shown.size()) {
            out.append("    ... and %d more in the JSON%n".formatted(keys.size() - shown.size()));
        }
    }

    private static void cpu(StringBuilder out, Cpu cpu) {
        row(out, "  CPU per complaint", "%.1f ms: %s".formatted(cpu.totalMsPerComplaint(), cpu.msPerComplaint()
                .entrySet().stream().map(e -> "%s %.1f".formatted(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "))));
        if (cpu.complaintsPerSecondAtFullCpu() != null) {
            row(out, "", "at that cost the machine's %d cores carry at most %.1f complaints/s".formatted(cpu.cores(),
                    cpu.complaintsPerSecondAtFullCpu()));
        }
    }

    private static void erasure(StringBuilder out, Erasure e) {
        var setUp = e.setUp();
        row(out, "Erasure", "%d closed cases' personal data, retention period %s, run %s".formatted(e.erased(),
                e.period(), e.runId()));
        row(out, "  set-up (untimed)", ("%d filed in %.0f s (%.1f/s, %d clients), %d closed in %.0f s (%.1f/s), "
                + "%.0f s waiting for the period and a quiet stack").formatted(setUp.filed(), setUp.filingSeconds(),
                        setUp.filingPerSecond(), e.clients(), setUp.closed(), setUp.closingSeconds(),
                        setUp.closingPerSecond(), setUp.waitedSeconds()));
        row(out, "  erased", "%d cases (%d of the %d closed now) in %.1f s, from the run's POST to every service's "
                .formatted(e.erased(), e.erasedOfBench(), e.setUp().closed(), e.seconds()) + "answer");
        row(out, "  throughput", "%.1f cases erased/s".formatted(e.casesPerSecond()));
        row(out, "  the run's POST", "%.1f s (triage anonymising the cases and writing their orders); reading the "
                .formatted(e.retentionPostSeconds()) + "record, %.1f s".formatted(e.recordReadSeconds()));
        if (e.secondsFor100000() != null) {
            row(out, "  100,000 cases", (e.extrapolated() ? "%.0f s (%.1f min) extrapolated at that rate"
                    : "%.0f s (%.1f min) measured").formatted(e.secondsFor100000(), e.secondsFor100000() / 60)
                    + (e.secondsFor100000() <= 600 ? ", within" : ", over") + " the 10 minutes of issue 22");
        }
        if (e.erasedByKind() != null && !e.erasedByKind().isEmpty()) {
            row(out, "  records by kind", e.erasedByKind().entrySet().stream()
                    .map(k -> k.getKey() + " " + k.getValue()).collect(Collectors.joining(", ")));
        }
        if (e.dbWritesPerCase() != null) {
            row(out, "  database writes", "%.1f per case (%d documents)%s".formatted(e.dbWritesPerCase(), e.dbWrites(),
                    e.dbWriteCommandsPerCase() == null ? "" : ", %.2f write commands per case"
                            .formatted(e.dbWriteCommandsPerCase())));
            breakdown(out, e.dbWritesByCollection(), e.dbWriteCommandsByCollection());
        }
        if (e.cpu() != null) {
            row(out, "  CPU per case", "%.1f ms: %s".formatted(e.cpu().totalMsPerCase(), e.cpu().msPerCase()
                    .entrySet().stream().map(c -> "%s %.1f".formatted(c.getKey(), c.getValue()))
                    .collect(Collectors.joining(", "))));
            if (e.cpu().casesPerSecondAtFullCpu() != null) {
                row(out, "", "at that cost the machine's %d cores carry at most %.1f erasures/s".formatted(
                        e.cpu().cores(), e.cpu().casesPerSecondAtFullCpu()));
            }
        }
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append("%-20s %s%n".formatted(name, value));
    }

    private static String ms(Millis m) {
        return m.count() == 0 ? "-" : "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms".formatted(m.p50(), m.p95(),
                m.p99(), m.max());
    }
}
