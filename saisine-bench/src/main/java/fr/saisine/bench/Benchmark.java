package fr.saisine.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;

/**
 * Drives the running stack over HTTP, doing the parts its options name: the sustained pipeline (each
 * complaint timed from its POST to its acknowledgement sent, and the database writes it cost), a wave
 * posted at once, the staff views at N cases, the download of a large attachment, the erasure of N
 * closed cases by the retention run; then the raw Kafka
 * and database ceilings of this machine, so the pipeline reads as a fraction of what is possible.
 * Or, with {@code --chart}, only the chart of saved runs.
 */
public final class Benchmark {

    private final BenchOptions options;
    private final Http http = new Http();

    Benchmark(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (BenchOptions.wantsHelp(args)) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, System.getenv());
        }
        catch (IllegalArgumentException wrong) {
            System.err.println("saisine bench: " + wrong.getMessage());
            System.err.print(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.chart() != null) {
            int runs = Chart.render(options.chart(), options.chartFile());
            System.out.printf("Chart of %d runs written to %s%n", runs, options.chartFile());
            return;
        }
        new Benchmark(options).run();
    }

    void run() throws Exception {
        Instant startedAt = Instant.now();
        System.out.printf("Saisine benchmark against %s: %s%n", options.intake(), parts());
        Report.Pipeline pipeline = null;
        Report.Wave wave = null;
        Report.Staff staff = null;
        Report.Attachments attachments = null;
        Report.Erasure erasure = null;
        if (options.complaints() != null || options.wave() != null) {
            try (var watcher = new AcknowledgementWatcher(options.kafka(), fr.saisine.events.Topics.NOTIFICATION_EVENTS)) {
                watcher.awaitPositioned();
                if (options.complaints() != null) {
                    pipeline = pipeline(watcher);
                }
                if (options.wave() != null) {
                    wave = wave(watcher);
                }
            }
        }
        if (options.cases() != null || options.attachments() != null) {
            StaffToken token = new StaffToken(http, options.issuer(), options.user());
            if (options.cases() != null) {
                staff = Report.staff(new StaffViews(options, http, token).run(options.cases()));
            }
            if (options.attachments() != null) {
                attachments = Report.attachments(new Attachments(options, http, token).run(options.attachments()));
            }
        }
        if (options.erase() != null) {
            StaffToken agent = new StaffToken(http, options.issuer(), Erasure.USER);
            erasure = Report.erasure(new Erasure(options, http, agent).run(options.erase()), options.clients());
        }
        System.out.println("Measuring the raw ceilings of this machine...");
        byte[] eventSized = eventJson("26000000").getBytes(StandardCharsets.UTF_8);
        int carried = pipeline == null ? 0 : pipeline.complaints();
        double kafka = Ceilings.kafkaProducerRate(options.kafka(), Math.max(20_000, carried * 5), eventSized);
        double mongo = Ceilings.mongoInsertRate(options.mongo(), Math.max(5_000, carried), options.clients(),
                Document.parse(Complaints.pipeline("ceiling", 0)));
        var ceilings = new Report.Ceilings(Report.round(kafka), eventSized.length, Report.round(mongo),
                options.clients());
        if (pipeline != null) {
            pipeline = withShares(pipeline, kafka, mongo);
        }
        Report report = new Report(startedAt, Machine.here(), pipeline, ceilings, wave, staff, attachments,
                erasure);
        System.out.print(report.table());
        System.out.println("Written to " + report.write(options.results()) + " and "
                + options.results().resolve("last.json"));
    }

    private String parts() {
        StringBuilder parts = new StringBuilder();
        if (options.complaints() != null) {
            parts.append("pipeline of %d complaints (warm-up %d), ".formatted(options.complaints(), options.warmup()));
        }
        if (options.wave() != null) {
            parts.append("wave of %d, ".formatted(options.wave()));
        }
        if (options.cases() != null) {
            parts.append("staff views at %d cases, ".formatted(options.cases()));
        }
        if (options.attachments() != null) {
            parts.append("%d attachments, ".formatted(options.attachments()));
        }
        if (options.erase() != null) {
            parts.append("erasure of %d closed cases, ".formatted(options.erase()));
        }
        return parts + "%d clients, then the ceilings".formatted(options.clients());
    }

    private Report.Pipeline pipeline(AcknowledgementWatcher watcher) throws InterruptedException {
        if (options.warmup() > 0) {
            List<Http.Posted> warmup = post("warm-up", options.warmup(), "warmup", 0, true);
            awaitAcknowledgements("warm-up acks", warmup, watcher);
        }
        var writes = new DatabaseWrites(http, options.metricsAddresses());
        Optional<DatabaseWrites.Reading> writesBefore = writes.settled();
        StackCpu stack = new StackCpu(options.processes());
        Map<String, Duration> cpuBefore = stack.read();
        Instant start = Instant.now();
        List<Http.Posted> measured = post("submitting", options.complaints(), "run", options.rate(), true);
        Instant submittedBy = Instant.now();
        int acknowledged = awaitAcknowledgements("acknowledged", measured, watcher);
        Optional<Report.Cpu> cpu = StackCpu.perComplaint(cpuBefore, stack.read(), acknowledged,
                Runtime.getRuntime().availableProcessors());
        Optional<DatabaseWrites.Reading> writesAfter = writesBefore.isPresent() ? writes.settled() : Optional.empty();
        List<Long> endToEnd = new java.util.ArrayList<>();
        Instant lastAck = start;
        for (Http.Posted s : measured) {
            Instant sent = watcher.sentAt(s.reference());
            if (sent != null) {
                endToEnd.add(Math.max(0, Duration.between(s.postedAt(), sent).toMillis()));
                lastAck = sent.isAfter(lastAck) ? sent : lastAck;
            }
        }
        DatabaseWrites.Cost cost = writesAfter
                .map(after -> DatabaseWrites.Cost.between(writesBefore.get(), after, acknowledged))
                .orElse(DatabaseWrites.Cost.UNCOUNTED);
        if (acknowledged < measured.size()) {
            System.out.printf("WARNING: %d complaints were not acknowledged within %s%n",
                    measured.size() - acknowledged, options.timeout());
        }
        return new Report.Pipeline(measured.size(), acknowledged, options.clients(), options.rate(),
                Report.round(acknowledged / seconds(start, lastAck)),
                Report.round(measured.size() / seconds(start, submittedBy)), cost.documents(),
                perComplaint(cost.documents(), acknowledged), cost.commands(),
                perComplaint(cost.commands(), acknowledged), cost.documentsByKey(), cost.commandsByKey(),
                Report.Millis.of(Percentiles.of(endToEnd)),
                Report.Millis.of(Percentiles.of(measured.stream().map(Http.Posted::millis).toList())), null, null,
                cpu.orElse(null));
    }

    private static Report.Pipeline withShares(Report.Pipeline p, double kafka, double mongo) {
        return new Report.Pipeline(p.complaints(), p.acknowledged(), p.clients(), p.pacedRatePerSecond(),
                p.complaintsPerSecond(), p.acceptedPerSecond(), p.dbWrites(), p.dbWritesPerComplaint(),
                p.dbWriteCommands(), p.dbWriteCommandsPerComplaint(), p.dbWritesByCollection(),
                p.dbWriteCommandsByCollection(),
                p.submitToAckMs(), p.postMs(), Report.round(p.complaintsPerSecond() / kafka),
                Report.round(p.complaintsPerSecond() / mongo), p.cpu());
    }

    private static Double perComplaint(Long count, int acknowledged) {
        return count == null || acknowledged == 0 ? null : Report.round((double) count / acknowledged);
    }

    /** Everything at once: no pacing, refusals counted rather than stopping the run. */
    private Report.Wave wave(AcknowledgementWatcher watcher) throws InterruptedException {
        List<Http.Posted> posted = post("wave", options.wave(), "wave", 0, false);
        List<Http.Posted> accepted = posted.stream().filter(Http.Posted::accepted).toList();
        int refused = posted.size() - accepted.size();
        if (refused > 0) {
            System.out.printf("  %d refused; first: %s%n", refused, Load.firstRefusal(posted));
        }
        int acknowledged = awaitAcknowledgements("wave acks", accepted, watcher);
        Instant firstPost = posted.stream().map(Http.Posted::postedAt).min(Instant::compareTo).orElseThrow();
        Instant lastAck = accepted.stream().map(p -> watcher.sentAt(p.reference())).filter(java.util.Objects::nonNull)
                .max(Instant::compareTo).orElse(firstPost);
        Percentiles posts = Percentiles.of(posted.stream().map(Http.Posted::millis).toList());
        boolean all = acknowledged == accepted.size() && !accepted.isEmpty();
        return new Report.Wave(posted.size(), options.clients(), refused, acknowledged, Report.real(posts.p99()),
                all ? Report.round(Duration.between(firstPost, lastAck).toMillis() / 1000.0) : null,
                Report.Millis.of(posts));
    }

    private List<Http.Posted> post(String label, int count, String tag, double rate, boolean stopAtFirstRefusal)
            throws InterruptedException {
        long startNanos = System.nanoTime();
        List<String> intakes = options.intakes();
        String run = tag + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<Http.Posted> posted = Load.run(label, count, options.clients(), i -> pace(startNanos, i, rate),
                stopAtFirstRefusal, i -> http.postComplaint(intakes.get(i % intakes.size()),
                        Complaints.pipeline(run, i)));
        if (stopAtFirstRefusal && Load.firstRefusal(posted) != null) {
            throw new IllegalStateException("a submission failed: " + Load.firstRefusal(posted));
        }
        return posted;
    }

    /** With a rate, submission i waits for its slot: start + i / rate. */
    private static void pace(long startNanos, int i, double rate) throws InterruptedException {
        if (rate > 0) {
            long wait = startNanos + (long) (i * 1e9 / rate) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
        }
    }

    private int awaitAcknowledgements(String label, List<Http.Posted> submissions, AcknowledgementWatcher watcher)
            throws InterruptedException {
        List<String> references = submissions.stream().map(Http.Posted::reference).toList();
        ProgressBar bar = new ProgressBar(System.err, label, Math.max(1, references.size()));
        Instant deadline = Instant.now().plus(options.timeout());
        int acknowledged = watcher.count(references);
        while (acknowledged < references.size() && Instant.now().isBefore(deadline)) {
            watcher.checkAlive();
            bar.show(acknowledged, "");
            Thread.sleep(500);
            acknowledged = watcher.count(references);
        }
        bar.finish(acknowledged, acknowledged < references.size() ? "timed out" : "");
        return acknowledged;
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(1, Duration.between(from, to).toMillis()) / 1000.0;
    }

    /** A ComplaintSubmitted envelope as the relay publishes it: the size the Kafka ceiling uses. */
    static String eventJson(String reference) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("type", "ComplaintSubmitted");
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("reference", reference);
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = Http.JSON.readValue(Complaints.pipeline("ceiling", 0), Map.class);
        payload.put("reference", reference);
        payload.put("submittedAt", Instant.now().toString());
        payload.put("language", "fr");
        envelope.put("payload", payload);
        return Http.JSON.writeValueAsString(envelope);
    }
}
