package fr.saisine.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The ports of one profile ({@code dev} or {@code test}) as {@code infra/ports.properties} defines
 * them: the file {@code ./saisine} reads too, so that the tests and the scripts cannot disagree.
 */
public final class PortPlan {

    /** The services, in the order the plan and the scripts name them. */
    public static final List<String> SERVICES = List.of("intake", "triage", "notification");

    /** The servers every profile runs beside the services. */
    public static final List<String> SERVERS = List.of("kafka", "kafka.controller", "mongodb", "ferretdb.debug", "smtp",
            "mail.web", "imap", "keycloak");

    private final String profile;
    private final Properties ports;

    private PortPlan(String profile, Properties ports) {
        this.profile = profile;
        this.ports = ports;
    }

    /** The plan of {@code profile}, from the project's {@code infra/ports.properties}. */
    public static PortPlan of(String profile) {
        return read(TestServers.projectRoot().resolve("infra/ports.properties"), profile);
    }

    static PortPlan read(Path file, String profile) {
        Properties ports = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            ports.load(in);
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot read the port plan " + file, ex);
        }
        return new PortPlan(profile, ports);
    }

    /** A server's port: {@code kafka}, {@code smtp}, {@code keycloak}... (see {@link #SERVERS}). */
    public int server(String name) {
        return number(profile + "." + name);
    }

    /** The service port of an instance (1 or 2) of a service. */
    public int service(String service, int instance) {
        return number(profile + "." + service) + offset(instance, "service");
    }

    /** The management (Actuator) port of an instance (1 or 2) of a service. */
    public int management(String service, int instance) {
        return number(profile + "." + service + ".management") + offset(instance, "management");
    }

    /**
     * Every port of the profile, named: its servers, then each service's two instances and their
     * management ports. Ordered, so that a clash is reported between two readable names.
     */
    public Map<String, Integer> all() {
        Map<String, Integer> all = new LinkedHashMap<>();
        SERVERS.forEach(server -> all.put(server, server(server)));
        for (int instance = 1; instance <= 2; instance++) {
            for (String service : SERVICES) {
                all.put(service + "-" + instance, service(service, instance));
                all.put(service + "-" + instance + " management", management(service, instance));
            }
        }
        return all;
    }

    private int offset(int instance, String kind) {
        return switch (instance) {
            case 1 -> 0;
            case 2 -> number("instance.offset." + kind);
            default -> throw new IllegalArgumentException("instances are 1 or 2, not " + instance);
        };
    }

    private int number(String key) {
        String value = ports.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("infra/ports.properties names no port " + key);
        }
        return Integer.parseInt(value.trim());
    }
}
