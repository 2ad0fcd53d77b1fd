package fr.saisine.e2e;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import fr.saisine.testsupport.Multipart;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The three packaged services, started once for every end-to-end test class of the run, on topics
 * and databases of their own, and stopped when the test JVM exits, on the test profile's ports
 * (infra/ports.properties): the dev realm's redirect URIs name intake's and triage's for the browser
 * tests (staff sign in on both: the dashboard, and the complainants' files).
 */
final class RunningStack {

    static final int TRIAGE_PORT = TestServers.TEST_PORTS.service("triage", 1);
    static final int INTAKE_PORT = TestServers.TEST_PORTS.service("intake", 1);
    static final int NOTIFICATION_PORT = TestServers.TEST_PORTS.service("notification", 1);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static RunningStack stack;

    final RunningService intake;
    final RunningService triage;
    final RunningService notification;
    /** What each service was started with: its database, its topics; a second instance shares them. */
    private final Map<String, Map<String, String>> properties;
    /** The topic of the complaints' lifecycle in this run. */
    final String complaintEvents;

    private RunningStack(RunningService intake, RunningService triage, RunningService notification,
            Map<String, Map<String, String>> properties, String complaintEvents) {
        this.intake = intake;
        this.triage = triage;
        this.notification = notification;
        this.properties = properties;
        this.complaintEvents = complaintEvents;
    }

    /**
     * Starts a second instance of the service, on the same database and topics (its consumers join
     * the same groups), on the second instance's ports; the caller stops it.
     */
    RunningService startAnother(String name) throws Exception {
        RunningService another = RunningService.start(name, 2, properties.get(name));
        another.awaitReady(Duration.ofMinutes(3));
        return another;
    }

    /** Files a complaint as anyone may, through intake's API: its reference. */
    String fileComplaint(String json) throws Exception {
        return filed(HttpRequest.newBuilder(intake.url("/api/v1/complaints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** The same with files: a {@code complaint} part and {@code attachments} parts. */
    String fileComplaint(Multipart complaintWithFiles) throws Exception {
        return filed(HttpRequest.newBuilder(intake.url("/api/v1/complaints"))
                .header("Content-Type", complaintWithFiles.contentType()).POST(complaintWithFiles.publisher()).build());
    }

    private static String filed(HttpRequest filing) throws Exception {
        HttpResponse<String> created = HTTP.send(filing, HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("the complaint was not filed: " + created.statusCode() + " " + created.body());
        }
        return JSON.readTree(created.body()).get("reference").asString();
    }

    /** What a service was started with: its database ({@code spring.mongodb.database}), its topics. */
    Map<String, String> settingsOf(String service) {
        return properties.get(service);
    }

    RunningService service(String name) {
        return switch (name) {
            case "intake" -> intake;
            case "triage" -> triage;
            case "notification" -> notification;
            default -> throw new IllegalArgumentException("no service " + name);
        };
    }

    static synchronized RunningStack get() throws Exception {
        if (stack == null) {
            stack = start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }

    private static RunningStack start() throws Exception {
        return start(1, Map.of(), Map.of());
    }

    /**
     * A stack of the test's own, beside the shared one: on the second instances' ports, with topics
     * and databases of its own, each service given {@code settings} (by service name) on top of the
     * usual ones, its topics created with the retention schedule's Kafka settings taken from
     * {@code kafkaSchedule} (the variables of infra/kafka/access.conf). The caller closes it.
     */
    static RunningStack startApart(Map<String, Map<String, String>> settings, Map<String, String> kafkaSchedule)
            throws Exception {
        return start(2, settings, kafkaSchedule);
    }

    private static RunningStack start(int instance, Map<String, Map<String, String>> settings,
            Map<String, String> kafkaSchedule) throws Exception {
        String complaints = TestServers.uniqueName("complaint-events");
        String notifications = TestServers.uniqueName("notification-events");
        String audit = TestServers.uniqueName("audit-events");
        String caseViews = TestServers.uniqueName("case-views");
        String run = TestServers.uniqueName("e2e");
        KafkaAccess.grant(Map.of("complaint-events", complaints, "notification-events", notifications,
                "audit-events", audit, "case-views", caseViews), kafkaSchedule);
        Map<String, String> common = Map.of(
                "spring.cloud.stream.bindings.auditEvents-out-0.destination", audit,
                // an expired token is refused after its lifetime plus this skew: short, so a test can wait it out
                "saisine.security.clock-skew", "1s",
                "management.endpoints.web.exposure.include", "health,info,prometheus,mappings,retention");
        int intakePort = TestServers.TEST_PORTS.service("intake", instance);
        Map<String, Map<String, String>> properties = Map.of(
                "intake", with(common, Map.of(
                        "spring.mongodb.database", run + "-intake",
                        "spring.cloud.stream.bindings.complaintEvents-out-0.destination", complaints,
                        "spring.cloud.stream.bindings.learnCaseSectors-in-0.destination", complaints,
                        "spring.cloud.stream.bindings.followCases-in-0.destination", complaints,
                        "spring.cloud.stream.bindings.followLetters-in-0.destination", notifications)),
                "triage", with(common, Map.of(
                        "spring.mongodb.database", run + "-triage",
                        "spring.cloud.stream.bindings.triageComplaint-in-0.destination", complaints,
                        "spring.cloud.stream.bindings.complaintEvents-out-0.destination", complaints,
                        "spring.cloud.stream.bindings.recordLetters-in-0.destination", notifications,
                        "spring.cloud.stream.bindings.gatherAuditRecords-in-0.destination", audit,
                        // the staff views' summaries, published and read back by triage (saisine.views.topic follows)
                        "spring.cloud.stream.bindings.caseViews-out-0.destination", caseViews,
                        // the case page's links to the complainants' files, served by this run's intake
                        "saisine.dashboard.intake-url", "http://127.0.0.1:" + intakePort,
                        // where the DPO's data-subject requests ask for the other services' parts: this run's
                        "saisine.data-subjects.intake-url", "http://127.0.0.1:" + intakePort,
                        "saisine.data-subjects.notification-url", "http://127.0.0.1:" + NOTIFICATION_PORT)),
                "notification", with(common, Map.of(
                        "spring.mongodb.database", run + "-notification",
                        "spring.cloud.stream.bindings.notifyComplainant-in-0.destination", complaints,
                        "spring.cloud.stream.bindings.notificationEvents-out-0.destination", notifications,
                        // its answers to erasure orders
                        "spring.cloud.stream.bindings.complaintEvents-out-0.destination", complaints,
                        // the follow-up links in the letters lead to this run's intake
                        "saisine.notification.follow-up.url", "http://127.0.0.1:" + intakePort + "/suivi/")));
        properties = withSettings(properties, settings);
        RunningService intake = RunningService.start("intake", instance, properties.get("intake"));
        RunningService triage = RunningService.start("triage", instance, properties.get("triage"));
        RunningService notification = RunningService.start("notification", instance, properties.get("notification"));
        RunningStack started = new RunningStack(intake, triage, notification, properties, complaints);
        try {
            for (RunningService service : List.of(intake, triage, notification)) {
                service.awaitReady(Duration.ofMinutes(3));
            }
        }
        catch (Exception | Error notReady) {
            // no shutdown hook stops a stack that never started: left running, it would hold the fixed
            // ports, and the next start (the next test class, another run) would talk to it
            started.close();
            throw notReady;
        }
        return started;
    }

    private static Map<String, Map<String, String>> withSettings(Map<String, Map<String, String>> properties,
            Map<String, Map<String, String>> settings) {
        var all = new java.util.HashMap<String, Map<String, String>>();
        properties.forEach((service, own) -> all.put(service, with(own, settings.getOrDefault(service, Map.of()))));
        return all;
    }

    private static Map<String, String> with(Map<String, String> common, Map<String, String> own) {
        var all = new java.util.HashMap<>(common);
        all.putAll(own);
        return all;
    }

    void close() {
        for (RunningService service : List.of(intake, triage, notification)) {
            try {
                service.close();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
