package fr.saisine.ops.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Steady traffic, as the public and the staff make it: complaints filed at a fixed rate, each by a
 * client that tries again until it is answered (with the same Idempotency-Key, so a retry never
 * files twice), and each case then taken under review by its agent (with If-Match), which brings
 * the complainant a second letter. Nothing here gives up while the suite runs: a complaint the
 * stack refused for a while is filed once it can be.
 */
final class Traffic implements AutoCloseable {

    /** A complaint the stack accepted (201), to whom its letters go, and when. */
    record Accepted(String reference, String mailbox, Instant at) {
    }

    /** Delisting complaints go to NUM (Numérique), whose agent reviews them, away from the other tests' APSF queue. */
    static final String AGENT = "agent-num";
    private static final Duration RETRY = Duration.ofMillis(500);
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final StackAddresses stack;
    private final StaffToken agent;
    private final List<String> mailboxes;
    private final double perSecond;
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> underReview = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean closed;
    private Thread pacer;

    Traffic(StackAddresses stack, List<String> mailboxes, double perSecond) {
        this.stack = stack;
        this.agent = new StaffToken(stack.oidcIssuer(), AGENT);
        this.mailboxes = List.copyOf(mailboxes);
        this.perSecond = perSecond;
    }

    void start() {
        running = true;
        pacer = Thread.ofPlatform().name("traffic").daemon().start(() -> {
            long every = (long) (1_000_000_000 / perSecond);
            long next = System.nanoTime();
            int sent = 0;
            while (running) {
                String mailbox = mailboxes.get(sent++ % mailboxes.size());
                inFlight.incrementAndGet();
                Thread.ofVirtual().start(() -> {
                    try {
                        fileAndReview(mailbox);
                    }
                    finally {
                        inFlight.decrementAndGet();
                    }
                });
                next += every;
                sleep(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
            }
        });
    }

    /** Stops filing new complaints; those in hand are still filed and reviewed. */
    void stopFiling(Duration patience) {
        running = false;
        Instant deadline = Instant.now().plus(patience);
        while (inFlight.get() > 0 && Instant.now().isBefore(deadline)) {
            sleep(RETRY);
        }
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    boolean underReview(String reference) {
        return underReview.containsKey(reference);
    }

    /** Answers other than 201 (or 200 on a change) that made a client try again: refusals, 5xx, no answer. */
    int retries() {
        return refusals.get();
    }

    private void fileAndReview(String mailbox) {
        String key = UUID.randomUUID().toString();
        String complaint = """
                {"complainant": {"type": "PERSON", "name": "Claude Martin", "email": "%s",
                   "postalAddress": {"street": "8 rue de la Paix", "postalCode": "75002", "city": "Paris", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Moteur Exemple", "type": "COMPANY", "activity": "moteur de recherche"},
                 "category": "DELISTING", "subject": "Déréférencement refusé",
                 "facts": "Le moteur refuse de retirer un article ancien."}""".formatted(mailbox);
        String reference = null;
        while (reference == null && !closed) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(stack.intake().resolve("/api/v1/complaints"))
                        .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(complaint)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 201) {
                    reference = json.readTree(answer.body()).get("reference").asString();
                    accepted.add(new Accepted(reference, mailbox, Instant.now()));
                    break;
                }
                refusals.incrementAndGet();
            }
            catch (Exception noAnswer) {
                refusals.incrementAndGet();
            }
            sleep(RETRY);
        }
        if (reference != null) {
            review(reference);
        }
    }

    /**
     * Takes the case under review once triage has it: the second letter of every complaint. Every
     * read is in the audit trail, so the agent looks every couple of seconds, not more.
     */
    private void review(String reference) {
        URI caseUri = stack.triage().resolve("/api/v1/cases/" + reference);
        sleep(LOOK_AGAIN);
        while (!closed) {
            try {
                String token = agent.get();
                String bearer = "Bearer " + token;
                HttpResponse<String> read = http.send(HttpRequest.newBuilder(caseUri).timeout(Duration.ofSeconds(15))
                        .header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString());
                if (read.statusCode() == 401) {
                    agent.refused(token);
                }
                if (read.statusCode() == 200) {
                    JsonNode found = json.readTree(read.body());
                    if (!"TRIAGED".equals(found.get("status").asString())) {
                        underReview.put(reference, Instant.now());
                        return;
                    }
                    HttpResponse<String> change = http.send(HttpRequest.newBuilder(caseUri.resolve(reference + "/transitions"))
                            .timeout(Duration.ofSeconds(15)).header("Authorization", bearer)
                            .header("If-Match", read.headers().firstValue("ETag").orElseThrow())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"to\": \"UNDER_REVIEW\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (change.statusCode() == 200) {
                        underReview.put(reference, Instant.now());
                        return;
                    }
                }
                // 403 until triage has the case; 412 when it changed; 5xx or 401 while a part is down
                refusals.incrementAndGet();
            }
            catch (Exception noAnswer) {
                refusals.incrementAndGet();
            }
            sleep(LOOK_AGAIN);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        closed = true;
    }
}
