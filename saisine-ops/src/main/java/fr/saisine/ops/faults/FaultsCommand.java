package fr.saisine.ops.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./saisine faults [--rate N] [--only a,b,...] [--steady S]}: the fault suite on the running
 * stack. The addresses come from ./saisine (--intake, --triage, --notification, --issuer,
 * --mail-host, --imap, --smtp, --launcher, --results).
 */
public final class FaultsCommand {

    static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);

    static final String USAGE = """
            Usage: ./saisine faults [--rate N] [--only FAULT,...] [--steady S]
              --rate N     complaints filed per second throughout (default 1); each is also taken under review
              --only ...   some of: kafka mongodb smtp keycloak intake triage notification smtp-refusing db-stall
                           (default: all, in that order; about 12 minutes)
              --steady S   seconds of steady traffic before each fault (default 10)""";

    private FaultsCommand() {
    }

    public static int run(List<String> args, PrintStream out) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected '" + arg + "'\n" + USAGE);
            }
            if (arg.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
            if (arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            else if (i + 1 < args.size()) {
                options.put(arg.substring(2), args.get(++i));
            }
            else {
                throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
            }
        }
        int smtp = Integer.parseInt(required(options, "smtp"));
        StackAddresses stack = new StackAddresses(URI.create(required(options, "intake")),
                URI.create(required(options, "triage")), URI.create(required(options, "notification")),
                required(options, "issuer"), options.getOrDefault("mail-host", "127.0.0.1"),
                Integer.parseInt(required(options, "imap")), smtp);
        List<FaultSuite.Fault> faults = chosen(options.get("only"), smtp);
        FaultSuite suite = new FaultSuite(stack, new ScriptedStack(Path.of(required(options, "launcher"))),
                Double.parseDouble(options.getOrDefault("rate", "1")), out);
        FaultSuite.Report report = suite.run(faults, Duration.ofSeconds(Long.parseLong(options.getOrDefault("steady", "10"))));
        FaultSuite.print(report, out, RECOVERY_BOUND);
        if (options.containsKey("results")) {
            write(report, Path.of(options.get("results")), out);
        }
        return report.passed(RECOVERY_BOUND) ? 0 : 1;
    }

    /** The faults named, in the suite's order. */
    static List<FaultSuite.Fault> chosen(String only, int smtpPort) {
        Map<String, FaultSuite.Fault> byName = new LinkedHashMap<>();
        List<String> names = List.of("kafka", "mongodb", "smtp", "keycloak", "intake", "triage", "notification",
                "smtp-refusing", "db-stall");
        List<FaultSuite.Fault> all = FaultSuite.all(smtpPort);
        for (int i = 0; i < names.size(); i++) {
            byName.put(names.get(i), all.get(i));
        }
        if (only == null) {
            return all;
        }
        List<String> wanted = Arrays.asList(only.split(","));
        for (String name : wanted) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("no fault '" + name + "'; the faults: " + String.join(" ", names));
            }
        }
        List<FaultSuite.Fault> faults = new ArrayList<>();
        byName.forEach((name, fault) -> {
            if (wanted.contains(name)) {
                faults.add(fault);
            }
        });
        return faults;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is missing (./saisine faults passes it)");
        }
        return value;
    }

    private static void write(FaultSuite.Report report, Path dir, PrintStream out) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> figures = new LinkedHashMap<>();
        List<Map<String, Object>> faults = new ArrayList<>();
        for (FaultSuite.Outcome o : report.faults()) {
            Map<String, Object> fault = new LinkedHashMap<>();
            fault.put("fault", o.fault());
            fault.put("what", o.what());
            fault.put("accepted", o.accepted());
            fault.put("lost", o.lost());
            fault.put("doubled", o.doubled());
            fault.put("repeated", o.repeated());
            fault.put("unseen", o.unseen());
            fault.put("drained", o.drained());
            fault.put("recoverySeconds", o.recovery().toMillis() / 1000.0);
            faults.add(fault);
        }
        figures.put("faults", faults);
        figures.put("accepted", report.accepted());
        figures.put("lost", report.lost());
        figures.put("doubled", report.doubled());
        figures.put("repeated", report.repeated());
        figures.put("unseen", report.unseen());
        figures.put("unreadable", report.unreadable());
        figures.put("referencesGivenTwice", report.referencesGivenTwice());
        figures.put("longestRecoverySeconds", report.longestRecovery().toMillis() / 1000.0);
        figures.put("passed", report.passed(RECOVERY_BOUND));
        Path file = dir.resolve("last.json");
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), figures);
        out.println("figures written to " + file);
    }
}
