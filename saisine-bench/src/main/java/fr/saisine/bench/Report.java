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
        Attachments attachments) {

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
                breakdown(out, pipeline);
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
    private static void breakdown(StringBuilder out, Pipeline pipeline) {
        Map<String, Double> documents = pipeline.dbWritesByCollection() == null ? Map.of()
                : pipeline.dbWritesByCollection();
        Map<String, Double> commands = pipeline.dbWriteCommandsByCollection() == null ? Map.of()
                : pipeline.dbWriteCommandsByCollection();
        Set<String> keys = new LinkedHashSet<>(documents.keySet());
        keys.addAll(commands.keySet());
        List<String> shown = keys.stream().limit(BREAKDOWN_ROWS).toList();
        String line = "    %-" + shown.stream().mapToInt(String::length).max().orElse(1) + "s %6.2f docs, %s%n";
        for (String key : shown) {
            out.append(line.formatted(key.replace('/', ' '),
                    documents.getOrDefault(key, 0.0), pipeline.dbWriteCommandsByCollection() == null ? "- cmds"
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

    private static void row(StringBuilder out, String name, String value) {
        out.append("%-20s %s%n".formatted(name, value));
    }

    private static String ms(Millis m) {
        return m.count() == 0 ? "-" : "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms".formatted(m.p50(), m.p95(),
                m.p99(), m.max());
    }
}
