package fr.saisine.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;

/**
 * The staff views over triage's API, signed in as a staff member of APSF: first at least N cases in
 * APSF (filed through intake's public API at full concurrency, only those missing), then each view
 * timed over {@link #REQUESTS} requests, one request at a time — the wait a member of staff sees —
 * the four views in turn so that they share the same conditions.
 */
final class StaffViews {

    static final int REQUESTS = 200;
    static final int WARMUP = 10;
    static final String SECTOR = "APSF";
    static final List<String> VIEWS = List.of("dashboard", "queue", "case", "search");

    /** What the part found and measured. */
    record Result(long cases, int seeded, double seedingPerSecond, Map<String, Percentiles> views,
            Map<String, Integer> errors) {
    }

    private final BenchOptions options;
    private final Http http;
    private final StaffToken token;
    private final SeedLog log;
    private final Random random;

    StaffViews(BenchOptions options, Http http, StaffToken token) {
        this.options = options;
        this.http = http;
        this.token = token;
        this.log = new SeedLog(options.results().resolve("seeded-cases.tsv"));
        this.random = new Random(options.seed());
    }

    Result run(int wanted) throws InterruptedException {
        long existing = countCases();
        System.out.printf("Staff views: %d cases in %s now, %d wanted%n", existing, SECTOR, wanted);
        if (log.size() > 0 && http.get(caseUrl(log.entries().getFirst().reference()), token.get()).status() != 200) {
            System.out.println("  the seeded-cases log names cases this stack does not have: started again");
            log.clear();
        }
        int missing = (int) Math.max(0, wanted - existing);
        double rate = 0;
        if (missing > 0) {
            rate = seed((int) existing, missing);
            existing = awaitCases(wanted);
        }
        Map<String, List<Long>> millis = new LinkedHashMap<>();
        Map<String, Integer> errors = new LinkedHashMap<>();
        VIEWS.forEach(view -> {
            millis.put(view, new ArrayList<>());
            errors.put(view, 0);
        });
        List<SeedLog.Entry> samples = samples();
        ProgressBar bar = new ProgressBar(System.err, "staff views", REQUESTS + WARMUP);
        for (int round = 0; round < REQUESTS + WARMUP; round++) {
            for (String view : VIEWS) {
                Http.Got got = http.get(url(view, round, samples), token.get());
                if (got.status() != 200) {
                    errors.merge(view, 1, Integer::sum);
                    if (errors.get(view) == 1) {
                        System.err.printf("%n  %s answered HTTP %d: %s%n", view, got.status(),
                                new String(got.body(), StandardCharsets.UTF_8));
                    }
                }
                else if (round >= WARMUP) {
                    millis.get(view).add(got.millis());
                }
            }
            bar.show(round + 1, "");
        }
        bar.finish(REQUESTS + WARMUP, "");
        Map<String, Percentiles> views = new LinkedHashMap<>();
        millis.forEach((view, times) -> views.put(view, Percentiles.of(times)));
        return new Result(existing, missing, rate, views, errors);
    }

    private double seed(int first, int count) throws InterruptedException {
        System.out.printf("Seeding %d complaints routed to %s, %d clients%n", count, SECTOR, options.clients());
        long start = System.nanoTime();
        List<String> intakes = options.intakes();
        List<Http.Posted> posted = Load.run("seeding", count, options.clients(), i -> { }, true, i -> {
            Complaints.Seeded complaint = Complaints.apsf(options.seed(), first + i);
            Http.Posted answer = http.postComplaint(intakes.get(i % intakes.size()), complaint.json());
            if (answer.accepted()) {
                log.add(new SeedLog.Entry(answer.reference(), complaint.complainant(), complaint.organisation()));
            }
            return answer;
        });
        String refused = Load.firstRefusal(posted);
        if (refused != null) {
            throw new IllegalStateException("seeding stopped: " + refused);
        }
        double rate = count / ((System.nanoTime() - start) / 1e9);
        System.out.printf("  seeded %d complaints at %.1f/s%n", count, rate);
        return rate;
    }

    /** Until triage shows the cases; gives up when their number stops growing for the time-out. */
    private long awaitCases(int wanted) throws InterruptedException {
        ProgressBar bar = new ProgressBar(System.err, "routed", wanted);
        long cases = countCases();
        Instant progressed = Instant.now();
        while (cases < wanted) {
            bar.show((int) Math.min(cases, wanted), "");
            if (Duration.between(progressed, Instant.now()).compareTo(options.timeout()) > 0) {
                bar.finish((int) cases, "");
                throw new IllegalStateException("triage shows " + cases + " cases in " + SECTOR + " of " + wanted
                        + ", and no more for " + options.timeout());
            }
            Thread.sleep(2000);
            long now = countCases();
            if (now > cases) {
                progressed = Instant.now();
            }
            cases = now;
        }
        bar.finish(wanted, "");
        return cases;
    }

    long countCases() {
        Http.Got got = http.get(options.triage() + "/api/v1/sectors/counts", token.get());
        if (got.status() != 200) {
            throw new IllegalStateException("GET /api/v1/sectors/counts answered HTTP " + got.status() + ": "
                    + new String(got.body(), StandardCharsets.UTF_8));
        }
        return CaseCounts.total(got.json());
    }

    /** Seeded cases to ask for; when none were logged, the references the queue shows. */
    private List<SeedLog.Entry> samples() {
        List<SeedLog.Entry> seeded = log.entries();
        if (!seeded.isEmpty()) {
            return seeded;
        }
        List<SeedLog.Entry> fromQueue = new ArrayList<>();
        Http.Got queue = http.get(url("queue", 0, List.of()), token.get());
        if (queue.status() == 200) {
            queue.json().findValues("reference").forEach(r -> fromQueue.add(new SeedLog.Entry(r.asString(), "", "")));
        }
        if (fromQueue.isEmpty()) {
            throw new IllegalStateException("no case to ask for: none seeded by the benchmark, none in the queue");
        }
        return fromQueue;
    }

    String url(String view, int round, List<SeedLog.Entry> samples) {
        return switch (view) {
            case "dashboard" -> options.triage() + "/api/v1/sectors/counts";
            case "queue" -> options.triage() + "/api/v1/sectors/" + SECTOR + "/queue?status=TRIAGED&size=50";
            case "case" -> caseUrl(pick(samples).reference());
            default -> options.triage() + "/api/v1/cases?q=" + URLEncoder.encode(searchTerm(round, pick(samples)),
                    StandardCharsets.UTF_8);
        };
    }

    /** In turn: a reference prefix (the year and the first digits), a complainant's name, an organisation. */
    static String searchTerm(int round, SeedLog.Entry entry) {
        return switch (round % 3) {
            case 1 -> entry.complainant().isEmpty() ? entry.reference().substring(0, 5) : entry.complainant();
            case 2 -> entry.organisation().isEmpty() ? entry.reference().substring(0, 5) : entry.organisation();
            default -> entry.reference().substring(0, 5);
        };
    }

    private SeedLog.Entry pick(List<SeedLog.Entry> samples) {
        return samples.get(random.nextInt(samples.size()));
    }

    private String caseUrl(String reference) {
        return options.triage() + "/api/v1/cases/" + reference;
    }
}
