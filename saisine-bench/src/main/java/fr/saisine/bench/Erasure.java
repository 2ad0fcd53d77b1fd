package fr.saisine.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * The erasure of N closed cases' personal data, as the retention schedule does it. Set-up, timed
 * apart: N complaints filed through intake's public API (communes: APSF), each case moved to
 * UNDER_REVIEW then CLOSED through triage's API by an APSF agent, then a wait until the stack's
 * retention period has passed since the last closing and the stack is quiet (its letters sent).
 * Measured: from {@code POST /actuator/retention} on triage's management port until the run's
 * elimination record shows every service's answer for every case it erased, with the CPU each
 * process used meanwhile and the documents the services wrote.
 *
 * <p>The period is read from the stack itself, from a first run made before filing (which also
 * erases whatever was due already, so that the measured run erases the benchmark's cases alone):
 * a stack started with the default five years cannot be measured, and the part says how to start
 * one that can ({@link #START}).
 */
final class Erasure {

    /** The staff member who closes the cases: an agent of APSF, as the dev realm has one. */
    static final String USER = "agent-apsf";
    static final String START = "./saisine down && SAISINE_INTAKE_RATE_LIMIT=off "
            + "SAISINE_RETENTION_AFTER_CLOSING=PT1M ./saisine up";
    /** The longest retention period the part waits out. */
    static final Duration LONGEST_PERIOD = Duration.ofMinutes(15);
    /** The goal of issue 22: 100,000 cases' personal data erased in under 10 minutes. */
    static final int GOAL_CASES = 100_000;
    private static final String CLOSE = """
            {"to": "CLOSED", "outcome": "REMINDER_OF_OBLIGATIONS", "note": "Rappel adressé au maire (banc d'essai)"}""";

    /** What the part measured; {@code setUp} is not part of the erasure's time. */
    record Result(int cases, String period, SetUp setUp, String runId, int erased, int erasedOfBench,
            double seconds, double postSeconds, double readSeconds, Map<String, Long> totals,
            Optional<Report.Cpu> cpu, DatabaseWrites.Cost writes) {
    }

    record SetUp(int filed, double filingSeconds, int closed, double closingSeconds, double waitedSeconds) {
    }

    private final BenchOptions options;
    private final Http http;
    private final StaffToken token;

    Erasure(BenchOptions options, Http http, StaffToken token) {
        this.options = options;
        this.http = http;
        this.token = token;
    }

    Result run(int count) throws InterruptedException {
        JsonNode first = http.actuator(retention(), true, options.timeout());
        String period = first.path("period").asString();
        Duration retained = period(period).filter(p -> p.compareTo(LONGEST_PERIOD) <= 0)
                .orElseThrow(() -> new IllegalStateException("triage keeps closed cases for " + period
                        + " (saisine.retention.after-closing): the erasure part needs a period of at most "
                        + LONGEST_PERIOD.toMinutes() + " minutes; start the stack with: " + START));
        System.out.printf("Erasure: retention period %s (read from a first run, %s, which erased %d case(s) due "
                + "already)%n", period, first.path("runId").asString(), first.path("erased").size());

        long filingStart = System.nanoTime();
        String tag = "erase-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> intakes = options.intakes();
        List<Http.Posted> posted = Load.run("filing", count, options.clients(), i -> { }, true,
                i -> http.postComplaint(intakes.get(i % intakes.size()), Complaints.erasable(tag, i)));
        if (Load.firstRefusal(posted) != null) {
            throw new IllegalStateException("filing stopped: " + Load.firstRefusal(posted));
        }
        double filingSeconds = (System.nanoTime() - filingStart) / 1e9;
        List<String> references = posted.stream().map(Http.Posted::reference).toList();

        long closingStart = System.nanoTime();
        List<String> closed = close(references);
        double closingSeconds = (System.nanoTime() - closingStart) / 1e9;
        Instant lastClosed = Instant.now();
        if (closed.size() < references.size()) {
            System.out.printf("WARNING: %d case(s) could not be closed within %s%n", references.size() - closed.size(),
                    options.timeout());
        }

        var writes = new DatabaseWrites(http, options.metricsAddresses());
        long waitStart = System.nanoTime();
        Optional<DatabaseWrites.Reading> writesBefore = quiet(writes, lastClosed.plus(retained).plusSeconds(2));
        double waitedSeconds = (System.nanoTime() - waitStart) / 1e9;
        var setUp = new SetUp(references.size(), filingSeconds, closed.size(), closingSeconds, waitedSeconds);

        StackCpu stack = new StackCpu(options.processes());
        Map<String, Duration> cpuBefore = stack.read();
        long start;
        double postSeconds;
        String runId;
        Answered answered;
        try (var watcher = new AnswerWatcher(options.kafka())) {
            watcher.awaitPositioned();
            start = System.nanoTime();
            JsonNode started = http.actuator(retention(), true, options.timeout());
            postSeconds = (System.nanoTime() - start) / 1e9;
            runId = started.path("runId").asString();
            System.out.printf("  run %s: %d case(s) anonymised and ordered erased in %.1f s; waiting for every "
                    + "service's answer%n", runId, started.path("erased").size(), postSeconds);
            answered = awaitAnswers(runId, started, watcher);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode record = answered.record();
        int erased = record.path("erased").size();
        Set<String> missing = new HashSet<>(closed);
        record.path("erased").forEach(reference -> missing.remove(reference.asString()));
        Map<String, Long> totals = new LinkedHashMap<>();
        record.path("totals").properties().forEach(kind -> totals.put(kind.getKey(), kind.getValue().asLong()));
        Optional<Report.Cpu> cpu = StackCpu.perComplaint(cpuBefore, stack.read(), erased,
                Runtime.getRuntime().availableProcessors());
        Optional<DatabaseWrites.Reading> writesAfter = writesBefore.isPresent() ? writes.reading() : Optional.empty();
        DatabaseWrites.Cost cost = writesAfter
                .map(after -> DatabaseWrites.Cost.between(writesBefore.get(), after, erased))
                .orElse(DatabaseWrites.Cost.UNCOUNTED);
        if (!missing.isEmpty()) {
            // their period is over (the wait saw to it): the run did not find them among the day's closings
            System.out.printf("WARNING: %d of the %d cases closed now were not in the run, though their period was "
                    + "over: triage's closing-day record (case_closings) lacks them, e.g. %s%n", missing.size(),
                    closed.size(), missing.stream().sorted().limit(5).toList());
        }
        return new Result(count, period, setUp, runId, erased, closed.size() - missing.size(), seconds, postSeconds,
                answered.readSeconds(), totals, cpu, cost);
    }

    private String retention() {
        return options.triageManagement() + "/actuator/retention";
    }

    /** An ISO-8601 duration ({@code PT1M}, {@code P1D}); empty for a period in years or months, or none. */
    static Optional<Duration> period(String iso) {
        try {
            return Optional.of(Duration.parse(iso));
        }
        catch (RuntimeException notADuration) {
            return Optional.empty();
        }
    }

    /**
     * Each case, once triage has routed it, moved to UNDER_REVIEW then CLOSED, {@code clients} at a
     * time; a change refused because the case changed meanwhile (412) is decided again on the case
     * as it now is.
     *
     * @return the references closed
     */
    private List<String> close(List<String> references) throws InterruptedException {
        ConcurrentLinkedQueue<String> closed = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Instant deadline = Instant.now().plus(options.timeout());
        long startNanos = System.nanoTime();
        ProgressBar bar = new ProgressBar(System.err, "closing", Math.max(1, references.size()));
        try (var pool = Executors.newFixedThreadPool(options.clients(), Thread.ofVirtual().factory())) {
            for (int t = 0; t < options.clients(); t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < references.size(); i = next.getAndIncrement()) {
                        if (close(references.get(i), deadline)) {
                            closed.add(references.get(i));
                        }
                        finished.incrementAndGet();
                    }
                    return null;
                });
            }
            while (finished.get() < references.size()) {
                bar.show(finished.get(), rate(closed.size(), startNanos));
                Thread.sleep(200);
            }
        }
        bar.finish(finished.get(), rate(closed.size(), startNanos));
        return new ArrayList<>(closed);
    }

    private static String rate(int closed, long startNanos) {
        return "%.0f/s".formatted(closed / Math.max(0.001, (System.nanoTime() - startNanos) / 1e9));
    }

    private boolean close(String reference, Instant deadline) throws InterruptedException {
        String url = options.triage() + "/api/v1/cases/" + reference;
        while (Instant.now().isBefore(deadline)) {
            Http.Answer current = http.staff(url, token.get(), null, null);
            if (current.status() != 200) {
                Thread.sleep(current.status() == 404 ? 500 : 1000); // not routed yet
                continue;
            }
            String status = Http.JSON.readTree(current.body()).path("status").asString();
            if (status.equals("CLOSED")) {
                return true;
            }
            Http.Answer reviewed = status.equals("UNDER_REVIEW") ? current
                    : http.staff(url + "/transitions", token.get(), current.etag(), "{\"to\": \"UNDER_REVIEW\"}");
            if (reviewed.status() == 200
                    && http.staff(url + "/transitions", token.get(), reviewed.etag(), CLOSE).status() == 200) {
                return true;
            }
            // 412: changed meanwhile; read it again
        }
        return false;
    }

    /**
     * Until the period has passed since the last closing ({@code notBefore}) and the services have
     * stopped writing (two readings of their write counters {@value #QUIET_SECONDS} s apart agree:
     * the letters of the closings sent), so that the erasure shares the machine with nothing else of
     * the benchmark's. The reading it ends on, when the services count their writes.
     */
    private Optional<DatabaseWrites.Reading> quiet(DatabaseWrites writes, Instant notBefore)
            throws InterruptedException {
        Instant deadline = notBefore.plus(options.timeout());
        System.out.printf("Waiting until %s (the retention period after the last closing) and the stack is quiet%n",
                notBefore);
        Optional<DatabaseWrites.Reading> last = writes.reading();
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(QUIET_SECONDS * 1000L);
            Optional<DatabaseWrites.Reading> now = writes.reading();
            boolean still = now.isEmpty() || last.isPresent()
                    && now.get().documentsTotal() == last.get().documentsTotal();
            last = now;
            if (still && !Instant.now().isBefore(notBefore)) {
                return now;
            }
        }
        System.out.println("WARNING: the stack was still writing when the wait ran out");
        return last;
    }

    static final int QUIET_SECONDS = 3;
    static final int READ_ANYWAY_SECONDS = 30;

    /** The record, and how long its last reading took. */
    record Answered(JsonNode record, double readSeconds) {
    }

    /**
     * The run's record once it shows no reference left unanswered by any service. Each reading of it
     * reads every answer by {@code _id} (three per case): it is read only once the services have
     * published all their answers (counted on complaint-events, at no cost to the stack), then every
     * second until triage has recorded them, so that the time measured ends within a second of it
     * (and every {@value #READ_ANYWAY_SECONDS} s meanwhile, should an answer escape the count).
     */
    private Answered awaitAnswers(String runId, JsonNode record, AnswerWatcher watcher) throws InterruptedException {
        int expected = record.path("erased").size() * services(record);
        ProgressBar bar = new ProgressBar(System.err, "answers", Math.max(1, expected));
        Instant deadline = Instant.now().plus(options.timeout());
        double took = 0;
        long lastRead = System.nanoTime();
        while (unanswered(record) > 0 && Instant.now().isBefore(deadline)) {
            watcher.checkAlive();
            int published = watcher.answered(runId);
            bar.show(Math.min(published, expected), published < expected ? "published" : "recorded?");
            if (published < expected && System.nanoTime() - lastRead < READ_ANYWAY_SECONDS * 1_000_000_000L) {
                Thread.sleep(200);
                continue;
            }
            lastRead = System.nanoTime();
            record = http.actuator(retention() + "/" + runId, false, options.timeout());
            took = (System.nanoTime() - lastRead) / 1e9;
            if (unanswered(record) > 0) {
                Thread.sleep(1000);
            }
        }
        int left = unanswered(record);
        bar.finish(expected - left, left > 0 ? "timed out" : "");
        if (left > 0) {
            throw new IllegalStateException("run " + runId + ": " + left + " answer(s) still missing after "
                    + options.timeout() + " (unanswered by service: " + byService(record) + ")");
        }
        return new Answered(record, took);
    }

    private static int services(JsonNode record) {
        return Math.max(1, record.path("services").size());
    }

    static int unanswered(JsonNode record) {
        int left = 0;
        for (JsonNode references : record.path("unanswered")) {
            left += references.size();
        }
        return left;
    }

    private static Map<String, Integer> byService(JsonNode record) {
        Map<String, Integer> left = new LinkedHashMap<>();
        record.path("unanswered").properties().forEach(e -> left.put(e.getKey(), e.getValue().size()));
        return left;
    }
}
