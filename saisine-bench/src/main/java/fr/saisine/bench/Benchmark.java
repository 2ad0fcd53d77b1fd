package fr.saisine.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;

import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the running stack over HTTP: N complaints at a chosen concurrency, each timed from its
 * POST to the moment its acknowledgement was recorded as sent; then the raw Kafka and database
 * ceilings of this machine, so the pipeline's throughput reads as a fraction of what is possible.
 */
public final class Benchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BenchOptions options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Benchmark(BenchOptions options) {
        this.options = options;
    }

    static final String USAGE = """
            Usage: ./saisine bench [options]   (each as --name N or --name=N)
              --complaints N      complaints to submit (default 3000)
              --concurrency C     concurrent clients (default 16)
              --rate R            complaints per second, all clients together; 0 = as fast as they go (default 0)
              --warmup N          complaints submitted before measuring (default 200)
              --timeout D         how long to wait for the acknowledgements, e.g. 600s (default 600s)
            With ./saisine up --instances 2, the complaints go to both intakes in turn.
            """;

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, System.getenv());
        }
        catch (IllegalArgumentException wrong) {
            System.err.println("saisine bench: " + wrong.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        new Benchmark(options).run();
    }

    /** One complaint's timings: client clock at the POST, server clock at the acknowledgement. */
    record Submission(String reference, Instant postedAt, long postMillis) {
    }

    void run() throws Exception {
        System.out.printf("Saisine benchmark: %d complaints at concurrency %d%s against %s (warm-up %d)%n",
                options.complaints(), options.concurrency(),
                options.rate() > 0 ? ", paced at " + options.rate() + "/s" : "", options.intake(), options.warmup());
        try (var watcher = new AcknowledgementWatcher(options.kafka(), options.notificationTopic())) {
            watcher.awaitPositioned();
            if (options.warmup() > 0) {
                List<Submission> warmup = submit("warm-up", options.warmup(), "warmup");
                awaitAcknowledgements("warm-up acks", warmup, watcher);
            }
            Instant start = Instant.now();
            List<Submission> measured = submit("submitting", options.complaints(), "run");
            Instant submittedBy = Instant.now();
            int acknowledged = awaitAcknowledgements("acknowledged", measured, watcher);
            report(measured, watcher, start, submittedBy, acknowledged);
        }
    }

    private List<Submission> submit(String label, int count, String tag) throws InterruptedException {
        Queue results = new Queue();
        AtomicInteger next = new AtomicInteger();
        long startNanos = System.nanoTime();
        ProgressBar bar = new ProgressBar(System.err, label, count);
        try (var pool = Executors.newFixedThreadPool(options.concurrency(), Thread.ofVirtual().factory())) {
            for (int t = 0; t < options.concurrency(); t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        try {
                            pace(startNanos, i);
                            results.add(post(tag, i));
                        }
                        catch (RuntimeException ex) {
                            results.failed(ex);
                            return;
                        }
                        catch (InterruptedException ex) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
            while (results.size() < count && results.failures.get() == 0) {
                bar.show(results.size(), "");
                Thread.sleep(200);
            }
        }
        bar.finish(results.size(), results.failures.get() > 0 ? results.failures.get() + " failed" : "");
        if (results.failures.get() > 0) {
            throw new IllegalStateException(results.failures.get() + " submissions failed; first: " + results.firstFailure);
        }
        return new ArrayList<>(results.items);
    }

    /** With a rate, submission i waits for its slot: start + i / rate. */
    private void pace(long startNanos, int i) throws InterruptedException {
        if (options.rate() > 0) {
            long wait = startNanos + (long) (i * 1e9 / options.rate()) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
        }
    }

    /** The complaints go to each intake instance in turn (--intake names one or more, comma-separated). */
    private String intakeFor(int i) {
        String[] intakes = options.intake().split(",");
        return intakes[i % intakes.length].strip();
    }

    private Submission post(String tag, int i) {
        Instant postedAt = Instant.now();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(intakeFor(i)
                    + "/api/v1/complaints")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(complaintJson(tag, i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            String reference = JSON.readTree(response.body()).get("reference").asString();
            return new Submission(reference, postedAt, (System.nanoTime() - start) / 1_000_000);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private int awaitAcknowledgements(String label, List<Submission> submissions, AcknowledgementWatcher watcher)
            throws InterruptedException {
        List<String> references = submissions.stream().map(Submission::reference).toList();
        ProgressBar bar = new ProgressBar(System.err, label, references.size());
        long deadline = System.nanoTime() + options.timeout().toNanos();
        int done = watcher.count(references);
        while (done < references.size() && System.nanoTime() < deadline) {
            watcher.checkAlive();
            bar.show(done, "");
            Thread.sleep(200);
            done = watcher.count(references);
        }
        bar.finish(done, done < references.size() ? "(timed out)" : "");
        return done;
    }

    private void report(List<Submission> measured, AcknowledgementWatcher watcher, Instant start,
            Instant submittedBy, int acknowledged) throws IOException {
        List<Long> endToEnd = new ArrayList<>();
        List<Long> posts = new ArrayList<>();
        Instant lastAck = start;
        for (Submission s : measured) {
            posts.add(s.postMillis());
            Instant sent = watcher.sentAt(s.reference());
            if (sent != null) {
                endToEnd.add(Duration.between(s.postedAt(), sent).toMillis());
                lastAck = sent.isAfter(lastAck) ? sent : lastAck;
            }
        }
        double pipeline = acknowledged / (Duration.between(start, lastAck).toMillis() / 1000.0);
        double accepted = measured.size() / (Duration.between(start, submittedBy).toMillis() / 1000.0);
        Percentiles latency = Percentiles.of(endToEnd);
        Percentiles post = Percentiles.of(posts);

        System.out.println("Measuring the raw ceilings of this machine...");
        byte[] eventSized = eventJson(measured.getFirst().reference()).getBytes(StandardCharsets.UTF_8);
        int ceilingRecords = Math.max(20_000, measured.size() * 5);
        double kafka = Ceilings.kafkaProducerRate(options.kafka(), ceilingRecords, eventSized);
        double mongo = Ceilings.mongoInsertRate(options.mongo(), Math.max(5_000, measured.size()),
                options.concurrency(), Document.parse(complaintJson("ceiling", 0)));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("at", Instant.now().toString());
        result.put("complaints", measured.size());
        result.put("acknowledged", acknowledged);
        result.put("concurrency", options.concurrency());
        result.put("pacedRatePerSecond", options.rate());
        result.put("pipelineThroughputPerSecond", round(pipeline));
        result.put("acceptedPerSecond", round(accepted));
        result.put("endToEndLatencyMillis", latency);
        result.put("postLatencyMillis", post);
        result.put("kafkaProducerCeilingPerSecond", round(kafka));
        result.put("kafkaRecordBytes", eventSized.length);
        result.put("mongoInsertCeilingPerSecond", round(mongo));
        result.put("pipelineShareOfKafkaCeiling", round(pipeline / kafka));
        result.put("pipelineShareOfMongoCeiling", round(pipeline / mongo));
        result.put("machine", Machine.describe());

        System.out.printf("""

                Complaints              %d submitted, %d acknowledged
                Pipeline throughput     %.1f complaints/s (submission to acknowledgement sent)
                Intake accepted         %.1f complaints/s
                End-to-end latency      %s
                POST latency            %s
                Kafka ceiling           %.0f records/s of %d bytes (acks=all, idempotent)
                Database ceiling        %.0f single-document inserts/s at concurrency %d
                Pipeline / Kafka        %.2f%%
                Pipeline / database     %.2f%%
                Machine                 %s
                """, measured.size(), acknowledged, pipeline, accepted, latency, post, kafka, eventSized.length, mongo,
                options.concurrency(), 100 * pipeline / kafka, 100 * pipeline / mongo, Machine.describe());
        Files.createDirectories(options.results());
        Path file = options.results().resolve("bench-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC).format(Instant.now()) + ".json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println("Written to " + file);
        if (acknowledged < measured.size()) {
            System.out.printf("WARNING: %d complaints were not acknowledged within %s%n",
                    measured.size() - acknowledged, options.timeout());
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static String complaintJson(String tag, int i) {
        return """
                {"complainant": {"type": "PERSON", "name": "Banc d'essai %2$d",
                   "email": "bench-%1$s-%2$d@bench.saisine.example",
                   "postalAddress": {"street": "%2$d rue du Banc", "postalCode": "75011", "city": "Paris", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Banc d'essai SARL", "type": "COMPANY", "activity": "commerce en ligne"},
                 "category": "MARKETING",
                 "subject": "Prospection sans consentement (banc d'essai)",
                 "facts": "Je reçois chaque semaine des courriels publicitaires que je n'ai jamais acceptés, \
                malgré deux demandes d'opposition restées sans réponse."}""".formatted(tag, i);
    }

    /** A ComplaintSubmitted envelope as the relay publishes it: the size the Kafka ceiling uses. */
    static String eventJson(String reference) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("type", "ComplaintSubmitted");
        envelope.put("schemaVersion", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("reference", reference);
        Map<String, Object> payload = JSON.readValue(complaintJson("ceiling", 0), Map.class);
        payload.put("reference", reference);
        payload.put("submittedAt", Instant.now().toString());
        payload.put("language", "fr");
        envelope.put("payload", payload);
        return JSON.writeValueAsString(envelope);
    }

    /** Submissions collected from many threads, and the first failure if any. */
    private static final class Queue {
        final ConcurrentLinkedQueue<Submission> items = new ConcurrentLinkedQueue<>();
        final AtomicInteger count = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        volatile String firstFailure;

        void failed(RuntimeException ex) {
            if (failures.getAndIncrement() == 0) {
                firstFailure = ex.getMessage();
            }
        }

        void add(Submission submission) {
            items.add(submission);
            count.incrementAndGet();
        }

        int size() {
            return count.get();
        }
    }
}
