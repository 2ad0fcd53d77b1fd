package fr.saisine.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark's options, from {@code --name value} or {@code --name=value} arguments, then the environment, then
 * defaults. A run does the parts its options name ({@code --complaints}, {@code --wave}, {@code --cases},
 * {@code --attachments}, {@code --erase}), or the sustained pipeline alone when none is named; the raw ceilings always.
 * {@code rate} paces the pipeline's submissions (0 = as fast as the clients go).
 */
record BenchOptions(Integer complaints, int clients, Integer wave, Integer cases, Integer attachments, Integer erase,
        double rate, int warmup, Duration timeout, String intake, String triage, String triageManagement, String issuer, String user, String metrics,
        String kafka, String mongo, Path results, long seed, Path chart, Path chartFile, Map<String, Long> processes) {

    static final int DEFAULT_COMPLAINTS = 3000;
    /** The options that name a part of the run. */
    static final List<String> PARTS = List.of("complaints", "wave", "cases", "attachments", "erase");

    /** One option as --help shows it: the parser accepts these names and no other. */
    record Option(String name, String value, String what, String fallback) {
        String line() {
            return "  %-22s %s (default %s)".formatted("--" + name + " " + value, what, fallback);
        }
    }

    static final List<Option> OPTIONS = List.of(
            new Option("complaints", "N", "sustained pipeline: N complaints, each timed from POST to acknowledgement "
                    + "sent", DEFAULT_COMPLAINTS + ", run when no other part is named"),
            new Option("clients", "C", "concurrent HTTP clients posting complaints (pipeline, wave, seeding)", "16"),
            new Option("wave", "N", "N complaints posted at once: refused, POST p99, seconds until all acknowledged",
                    "not run"),
            new Option("cases", "N", "staff views: ensure N cases in APSF, then time each view (>= 200 requests)",
                    "not run"),
            new Option("attachments", "N", "ensure N attachments stored, then time downloading a 10 MB one (>= 20)",
                    "not run"),
            new Option("erase", "N", "file N complaints, close their cases, then time the retention run erasing "
                    + "them (stack started with SAISINE_RETENTION_AFTER_CLOSING=PT1M)", "not run"),
            new Option("rate", "R", "pipeline complaints per second, all clients together; 0 = as fast as they go",
                    "0"),
            new Option("warmup", "N", "complaints carried before the pipeline is measured", "200"),
            new Option("timeout", "D", "how long to wait for acknowledgements, routing and a retention run, e.g. 600s", "600s"),
            new Option("intake", "URLS", "intake-service, or several comma-separated, used in turn",
                    "http://127.0.0.1:8081"),
            new Option("triage", "URL", "triage-service, for the staff views", "http://127.0.0.1:8082"),
            new Option("triage-management", "URL", "triage-service's management port, for the retention run",
                    "http://127.0.0.1:9082"),
            new Option("issuer", "URL", "Keycloak realm giving the staff token (password grant, client saisine-cli)",
                    "http://127.0.0.1:8180/realms/saisine"),
            new Option("user", "NAME", "dev account signed in for the staff parts (password = name)", "head-apsf"),
            new Option("metrics", "URLS", "management addresses scraped for saisine_db_writes_total, comma-separated",
                    "http://127.0.0.1:9081,http://127.0.0.1:9082,http://127.0.0.1:9083"),
            new Option("kafka", "HOSTS", "Kafka bootstrap servers", "$SPRING_KAFKA_BOOTSTRAP_SERVERS or 127.0.0.1:9092"),
            new Option("mongo", "URI", "database for the insert ceiling", "$SPRING_MONGODB_URI or mongodb://127.0.0.1:27017"),
            new Option("results", "DIR", "where last.json and a dated copy of each run go", ".saisine/bench"),
            new Option("seed", "S", "seed of the generated names and organisations", "1"),
            new Option("chart", "DIR", "only render the chart of staff p95 against cases from DIR's saved runs",
                    "not run"),
            new Option("chart-file", "FILE", "the SVG the chart is written to", "docs/staff-views-p95.svg"),
            new Option("processes", "NAME=PID,...", "the stack's processes whose CPU per complaint is measured (./saisine "
                    + "names them)", "the benchmark's own only"));

    static final String USAGE = "Usage: ./saisine bench [options]   (each as --name N or --name=N)\n"
            + OPTIONS.stream().map(Option::line).collect(Collectors.joining("\n")) + "\n"
            + "  --help                 this text\n";

    static boolean wantsHelp(String[] args) {
        return List.of(args).contains("--help");
    }

    static BenchOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> given = given(args);
        boolean partNamed = given.keySet().stream().anyMatch(PARTS::contains);
        var options = new BenchOptions(
                positive(given, "complaints", partNamed ? null : String.valueOf(DEFAULT_COMPLAINTS)),
                positive(given, "clients", "16"),
                positive(given, "wave", null),
                positive(given, "cases", null),
                positive(given, "attachments", null),
                positive(given, "erase", null),
                number(given, "rate", "0"),
                (int) number(given, "warmup", "200"),
                duration(given.getOrDefault("timeout", "600s")),
                given.getOrDefault("intake", "http://127.0.0.1:8081"),
                given.getOrDefault("triage", "http://127.0.0.1:8082"),
                given.getOrDefault("triage-management", "http://127.0.0.1:9082"),
                given.getOrDefault("issuer", "http://127.0.0.1:8180/realms/saisine"),
                given.getOrDefault("user", "head-apsf"),
                given.getOrDefault("metrics", "http://127.0.0.1:9081,http://127.0.0.1:9082,http://127.0.0.1:9083"),
                given.getOrDefault("kafka", env.getOrDefault("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")),
                given.getOrDefault("mongo", env.getOrDefault("SPRING_MONGODB_URI", "mongodb://127.0.0.1:27017")),
                Path.of(given.getOrDefault("results", ".saisine/bench")),
                (long) number(given, "seed", "1"),
                given.containsKey("chart") ? Path.of(given.get("chart")) : null,
                Path.of(given.getOrDefault("chart-file", "docs/staff-views-p95.svg")),
                StackCpu.parse(given.getOrDefault("processes", "")));
        return options;
    }

    private static Map<String, String> given(String[] args) {
        List<String> known = OPTIONS.stream().map(Option::name).toList();
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("expected --name N or --name=N, got '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (equals >= 0) {
                given.put(name, arg.substring(equals + 1));
            }
            else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                given.put(name, args[++i]);
            }
            else {
                throw new IllegalArgumentException("option --" + name + " needs a value: --" + name + " N or --"
                        + name + "=N");
            }
        }
        return given;
    }

    private static Integer positive(Map<String, String> given, String name, String fallback) {
        String value = given.getOrDefault(name, fallback);
        if (value == null) {
            return null;
        }
        int n = (int) number(Map.of(name, value), name, null);
        if (n < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1, got " + value);
        }
        return n;
    }

    private static double number(Map<String, String> given, String name, String fallback) {
        String value = given.getOrDefault(name, fallback);
        try {
            double n = Double.parseDouble(value.replace("_", ""));
            if (n < 0) {
                throw new IllegalArgumentException("--" + name + " must not be negative, got " + value);
            }
            return n;
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("--" + name + " takes a number, got '" + value + "'");
        }
    }

    private static Duration duration(String value) {
        try {
            return Duration.parse("PT" + value.toUpperCase());
        }
        catch (RuntimeException ex) {
            throw new IllegalArgumentException("--timeout takes a duration such as 600s or 10m, got '" + value + "'");
        }
    }

    List<String> intakes() {
        return List.of(intake.split(",")).stream().map(String::strip).toList();
    }

    List<String> metricsAddresses() {
        return List.of(metrics.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
