package fr.saisine.ops.faults;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Steady traffic while each part of the stack in turn is killed (SIGKILL) and brought back, or
 * made to refuse or stall; then the proof, from the mailboxes and the APIs: every accepted
 * complaint is readable, every complainant got each of their letters exactly once, no reference
 * was given twice; and, per fault, how long after the part came back its backlog was drained.
 */
public final class FaultSuite {

    /** What a fault does to the stack; returns once the hurt part is back (or the fault is over). */
    @FunctionalInterface
    public interface Inflict {
        void on(StackControl control, FaultSuite suite) throws Exception;
    }

    public record Fault(String name, String what, Inflict inflict) {
    }

    /** One fault's figures; {@code recovery} runs from the part's return to its backlog drained. */
    public record Outcome(String fault, String what, int accepted, int lost, int doubled, int repeated, int unseen,
            Duration recovery, boolean drained) {
    }

    /** The whole run: each fault's outcome, and what holds across all of them. */
    public record Report(List<Outcome> faults, int accepted, int lost, int doubled, int repeated, int unseen,
            int unreadable, int referencesGivenTwice, int clientRetries, Duration longestRecovery) {

        public boolean passed(Duration recoveryBound) {
            return lost == 0 && doubled == 0 && unreadable == 0 && referencesGivenTwice == 0
                    && faults.stream().allMatch(f -> f.drained() && f.recovery().compareTo(recoveryBound) <= 0);
        }
    }

    /** A kill of the component, {@code down} of absence, and its restart. */
    public static Fault kill(String component, Duration down) {
        return new Fault(component + " killed", "SIGKILL, " + down.toSeconds() + " s down, restarted", (control, suite) -> {
            if (component.equals("smtp")) {
                suite.mailServerLost();
            }
            control.kill(component);
            Thread.sleep(down);
            control.start(component);
        });
    }

    /** The mail server answers but refuses every letter (451) for {@code during}. */
    public static Fault mailRefused(Duration during, int smtpPort) {
        return new Fault("smtp refusing", "451 to every letter for " + during.toSeconds() + " s", (control, suite) -> {
            suite.mailServerLost();
            control.kill("smtp");
            try (RefusingMailServer refusing = new RefusingMailServer(smtpPort)) {
                Thread.sleep(during);
            }
            control.start("smtp");
        });
    }

    /** The database stops answering (SIGSTOP) for {@code during}, connections open. */
    public static Fault databaseStalled(Duration during) {
        return new Fault("database stalled", "SIGSTOP for " + during.toSeconds() + " s", (control, suite) -> {
            control.pause("mongodb");
            try {
                Thread.sleep(during);
            }
            finally {
                control.resume("mongodb");
            }
        });
    }

    /** Every fault of the full suite, in order. */
    public static List<Fault> all(int smtpPort) {
        return List.of(kill("kafka", Duration.ofSeconds(15)), kill("mongodb", Duration.ofSeconds(15)),
                kill("smtp", Duration.ofSeconds(15)), kill("keycloak", Duration.ofSeconds(15)),
                kill("intake", Duration.ofSeconds(5)), kill("triage", Duration.ofSeconds(5)),
                kill("notification", Duration.ofSeconds(5)), mailRefused(Duration.ofSeconds(60), smtpPort),
                databaseStalled(Duration.ofSeconds(20)));
    }

    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(5);

    private final StackAddresses stack;
    private final StackControl control;
    private final PrintStream out;
    private final Traffic traffic;
    private final Letters letters;
    private final StaffToken agent;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    /** Letters notification-service handed to a mail server that was then killed unread. */
    private final Set<String> unseen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** When the mail server was killed, from the last complete read of the mailboxes before. */
    private final List<Instant[]> mailServerLosses = new ArrayList<>();

    public FaultSuite(StackAddresses stack, StackControl control, double complaintsPerSecond, PrintStream out) {
        this.stack = stack;
        this.control = control;
        this.out = out;
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> mailboxes = IntStream.rangeClosed(1, 6).mapToObj(i -> "faults-" + run + "-" + i + "@example.org")
                .toList();
        this.traffic = new Traffic(stack, mailboxes, complaintsPerSecond);
        this.letters = new Letters(stack.mailHost(), stack.imapPort(), mailboxes);
        this.agent = new StaffToken(stack.oidcIssuer(), Traffic.AGENT);
    }

    void mailServerLost() {
        mailServerLosses.add(new Instant[] { letters.lastRead(), null });
    }

    public Report run(List<Fault> faults, Duration steady) throws Exception {
        letters.start();
        traffic.start();
        try {
            say("traffic started; waiting for the first complaints to be acknowledged and reviewed");
            awaitFirstComplete(3, DRAIN_LIMIT);
            List<Instant> starts = new ArrayList<>();
            List<Duration> recoveries = new ArrayList<>();
            List<Boolean> drained = new ArrayList<>();
            for (Fault fault : faults) {
                Thread.sleep(steady);
                starts.add(Instant.now());
                say(fault.name() + ": " + fault.what());
                fault.inflict().on(control, this);
                closeMailLoss();
                Instant back = Instant.now();
                boolean done = awaitDrained(back, DRAIN_LIMIT);
                Duration recovery = Duration.between(back, Instant.now());
                recoveries.add(recovery);
                drained.add(done);
                say(String.format("  back; backlog %s in %.1f s", done ? "drained" : "NOT drained", recovery.toMillis() / 1000.0));
            }
            Thread.sleep(steady);
            traffic.stopFiling(Duration.ofMinutes(2));
            awaitDrained(Instant.now(), DRAIN_LIMIT);
            Thread.sleep(Duration.ofSeconds(3)); // a letter sent twice would arrive by now
            return report(faults, starts, recoveries, drained);
        }
        finally {
            traffic.close();
            letters.close();
        }
    }

    private void closeMailLoss() {
        for (Instant[] loss : mailServerLosses) {
            if (loss[1] == null) {
                loss[1] = Instant.now();
            }
        }
    }

    /** Waits until every complaint accepted before {@code cutoff} has all its letters; false after {@code limit}. */
    private boolean awaitDrained(Instant cutoff, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            Map<String, Set<String>> kinds = kindsByReference();
            boolean all = traffic.accepted().stream().filter(a -> a.at().isBefore(cutoff))
                    .allMatch(a -> complete(a, kinds.getOrDefault(a.reference(), Set.of())));
            if (all) {
                return true;
            }
            Thread.sleep(Duration.ofMillis(250));
        }
        return false;
    }

    private void awaitFirstComplete(int count, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            Map<String, Set<String>> kinds = kindsByReference();
            if (traffic.accepted().stream().filter(a -> complete(a, kinds.getOrDefault(a.reference(), Set.of())))
                    .count() >= count) {
                return;
            }
            Thread.sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("no complaint went through the stack within " + limit.toMinutes()
                + " min before any fault: is it up and well? (./saisine status)");
    }

    private boolean complete(Traffic.Accepted complaint, Set<String> kinds) {
        return traffic.underReview(complaint.reference())
                && delivered(complaint.reference(), "ACKNOWLEDGEMENT", kinds)
                && delivered(complaint.reference(), "UNDER_REVIEW", kinds);
    }

    /** In its mailbox, or handed to a mail server that was killed before the mailbox could be read. */
    private boolean delivered(String reference, String kind, Set<String> kinds) {
        if (kinds.contains(kind) || unseen.contains(reference + " " + kind)) {
            return true;
        }
        if (mailServerLosses.isEmpty()) {
            return false;
        }
        try {
            if (sentToALostMailServer(reference, kind)) {
                unseen.add(reference + " " + kind);
                return true;
            }
        }
        catch (Exception apiAway) {
            // asked again at the next look
        }
        return false;
    }

    private Map<String, Set<String>> kindsByReference() {
        return letters.deliveries().stream().collect(Collectors.groupingBy(Letters.Delivery::reference,
                Collectors.mapping(Letters.Delivery::kind, Collectors.toSet())));
    }

    private Report report(List<Fault> faults, List<Instant> starts, List<Duration> recoveries, List<Boolean> drained)
            throws Exception {
        List<Traffic.Accepted> accepted = traffic.accepted();
        Map<String, List<Letters.Delivery>> byReference = letters.deliveries().stream()
                .collect(Collectors.groupingBy(Letters.Delivery::reference));
        Map<String, int[]> verdicts = new LinkedHashMap<>(); // reference -> lost, doubled, repeated, unseen, unreadable
        for (Traffic.Accepted complaint : accepted) {
            int[] verdict = new int[5];
            List<Letters.Delivery> delivered = byReference.getOrDefault(complaint.reference(), List.of());
            for (String kind : List.of("ACKNOWLEDGEMENT", "UNDER_REVIEW")) {
                List<Letters.Delivery> ofKind = delivered.stream().filter(d -> d.kind().equals(kind)).toList();
                if (ofKind.isEmpty()) {
                    if (sentToALostMailServer(complaint.reference(), kind)) {
                        verdict[3]++;
                    }
                    else {
                        verdict[0]++;
                    }
                }
                verdict[1] += Math.max(0, ofKind.size() - 1);
                verdict[2] += ofKind.stream().mapToInt(d -> d.copies() - 1).sum();
            }
            verdict[4] = readable(complaint.reference()) ? 0 : 1;
            verdicts.put(complaint.reference(), verdict);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            Instant from = starts.get(i);
            Instant to = i + 1 < starts.size() ? starts.get(i + 1) : Instant.MAX;
            Predicate<Traffic.Accepted> inWindow = a -> !a.at().isBefore(from) && a.at().isBefore(to);
            List<int[]> window = accepted.stream().filter(inWindow).map(a -> verdicts.get(a.reference())).toList();
            outcomes.add(new Outcome(faults.get(i).name(), faults.get(i).what(), window.size(),
                    sum(window, 0) + sum(window, 4), sum(window, 1), sum(window, 2), sum(window, 3), recoveries.get(i),
                    drained.get(i)));
        }
        List<int[]> all = List.copyOf(verdicts.values());
        int givenTwice = accepted.size() - (int) accepted.stream().map(Traffic.Accepted::reference).distinct().count();
        Duration longest = recoveries.stream().max(Duration::compareTo).orElse(Duration.ZERO);
        return new Report(outcomes, accepted.size(), sum(all, 0), sum(all, 1), sum(all, 2), sum(all, 3), sum(all, 4),
                givenTwice, traffic.retries(), longest);
    }

    private static int sum(List<int[]> verdicts, int index) {
        return verdicts.stream().mapToInt(v -> v[index]).sum();
    }

    /**
     * A letter notification-service handed to the mail server (SENT) between the last read of the
     * mailboxes and the server's death: delivered, but the killed server forgot it before anyone
     * could read it.
     */
    private boolean sentToALostMailServer(String reference, String kind) throws Exception {
        JsonNode messages = get(stack.notification().resolve("/api/v1/complaints/" + reference + "/notifications"));
        if (messages == null) {
            return false;
        }
        for (JsonNode message : messages) {
            if (kind.equals(message.get("kind").asString()) && "SENT".equals(message.get("status").asString())) {
                Instant sentAt = Instant.parse(message.get("sentAt").asString());
                return mailServerLosses.stream().anyMatch(loss -> !sentAt.isBefore(loss[0])
                        && (loss[1] == null || !sentAt.isAfter(loss[1])));
            }
        }
        return false;
    }

    private boolean readable(String reference) throws Exception {
        JsonNode complaint = get(stack.intake().resolve("/api/v1/complaints/" + reference));
        return complaint != null && reference.equals(complaint.get("reference").asString());
    }

    private JsonNode get(java.net.URI uri) throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            String token = agent.get();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                return json.readTree(answer.body());
            }
            if (answer.statusCode() == 401) {
                agent.refused(token);
                continue;
            }
            if (answer.statusCode() < 500) {
                return null;
            }
            Thread.sleep(Duration.ofSeconds(1));
        }
        return null;
    }

    private void say(String line) {
        out.printf("[%tT] %s%n", java.util.Date.from(Instant.now()), line);
    }

    /** The table of a report, as ./saisine faults prints it. */
    public static void print(Report report, PrintStream out, Duration recoveryBound) {
        out.printf("%n%-20s %-38s %8s %5s %7s %8s %7s %10s%n", "FAULT", "WHAT", "ACCEPTED", "LOST", "DOUBLED", "REPEATED",
                "UNSEEN", "RECOVERY");
        for (Outcome o : report.faults()) {
            out.printf("%-20s %-38s %8d %5d %7d %8d %7d %9s%n", o.fault(), o.what(), o.accepted(), o.lost(), o.doubled(),
                    o.repeated(), o.unseen(), o.drained() ? String.format("%.1f s", o.recovery().toMillis() / 1000.0) : "not drained");
        }
        out.printf("%-20s %-38s %8d %5d %7d %8d %7d %9s%n", "all", "", report.accepted(), report.lost(), report.doubled(),
                report.repeated(), report.unseen(), String.format("%.1f s", report.longestRecovery().toMillis() / 1000.0));
        out.printf("%nunreadable complaints: %d; references given twice: %d; client retries while parts were down: %d%n",
                report.unreadable(), report.referencesGivenTwice(), report.clientRetries());
        out.println("LOST: an accepted complaint unreadable, or a letter never delivered. DOUBLED: a second, different letter"
                + " of the same kind to the same person. REPEATED: the same letter (same Message-ID) delivered again after a"
                + " crash mid-send, which mail clients show once. UNSEEN: delivered to a mail server that was then killed"
                + " before its mailbox could be read (notification-service recorded it SENT).");
        out.println(report.passed(recoveryBound) ? "PASSED: nothing lost, nothing doubled, every backlog drained within "
                + recoveryBound.toSeconds() + " s" : "FAILED");
    }
}
