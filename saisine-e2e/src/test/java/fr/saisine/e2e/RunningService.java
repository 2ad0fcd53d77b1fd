package fr.saisine.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import fr.saisine.testsupport.TestServers;

/** One of the three services, run from its packaged jar as its own process, as in production. */
final class RunningService implements AutoCloseable {

    private final String name;
    private final int port;
    private final int managementPort;
    private final ProcessBuilder builder;
    private final Path log;
    private volatile Process process;

    private RunningService(String name, int port, int managementPort, ProcessBuilder builder, Path log)
            throws IOException {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.builder = builder;
        this.log = log;
        this.process = builder.start();
    }

    /**
     * Starts an instance (1 or 2) of the service on the test profile's ports for it, its Actuator on
     * its management port (infra/ports.properties; see {@link #managementUrl}).
     */
    static RunningService start(String name, int instance, Map<String, String> properties) throws IOException {
        String label = instance == 1 ? name : name + "-" + instance;
        return start(name, label, TestServers.TEST_PORTS.service(name, instance),
                TestServers.TEST_PORTS.management(name, instance), properties);
    }

    /** @param label names its log: the service's name, or "intake-2" for a second instance */
    private static RunningService start(String name, String label, int port, int managementPort,
            Map<String, String> properties) throws IOException {
        Path root = TestServers.projectRoot();
        Path jar = root.resolve(name + "-service/target/" + name + "-service.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./saisine test does)");
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + port, "--management.server.port=" + managementPort));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = root.resolve("saisine-e2e/target/e2e-logs/" + label + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Files.deleteIfExists(log);
        TestServers.Addresses servers = TestServers.addresses();
        builder.environment().put("SPRING_KAFKA_BOOTSTRAP_SERVERS", servers.kafkaBootstrap());
        builder.environment().put("SPRING_MONGODB_URI", servers.mongoUri());
        builder.environment().put("SPRING_MAIL_HOST", servers.smtpHost());
        builder.environment().put("SPRING_MAIL_PORT", String.valueOf(servers.smtpPort()));
        builder.environment().put("SAISINE_SECURITY_ISSUER_URI", servers.oidcIssuer());
        builder.environment().put("SAISINE_LOG_FORMAT", "json");
        // the suite files far more complaints from 127.0.0.1 than the default rate limit lets one address
        builder.environment().put("SAISINE_INTAKE_RATE_LIMIT", "off");
        // as in production: its own Kafka principal, with only the rights infra/kafka/access.conf grants
        String principal = name + "-service";
        builder.environment().put("SAISINE_KAFKA_SECURITY_PROTOCOL", servers.kafka().securityProtocol());
        builder.environment().put("SAISINE_KAFKA_USERNAME", principal);
        builder.environment().put("SAISINE_KAFKA_PASSWORD", servers.kafka().password(principal));
        return new RunningService(name, port, managementPort, builder, log);
    }

    void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + "-service stopped while starting; its log: " + log);
            }
            try {
                var ready = http.send(HttpRequest.newBuilder(managementUrl("/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            }
            catch (IOException notListeningYet) {
                // still starting
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException(name + "-service not ready after " + timeout + "; its log: " + log);
    }

    /** What the service has logged so far: one JSON object per line (SAISINE_LOG_FORMAT=json, as an operator would run it). */
    List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    /** The file its output goes to (kept across a restart). */
    Path log() {
        return log;
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** On the management port: health, info, mappings, prometheus. */
    URI managementUrl(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    /** Starts it again, as it was started (same ports, same settings), once it has stopped; returns when ready. */
    void restart() throws Exception {
        if (process.isAlive()) {
            throw new IllegalStateException(name + "-service is still running");
        }
        process = builder.start();
        awaitReady(Duration.ofMinutes(3));
    }

    /** Kills the process at once (SIGKILL), as a crash or an out-of-memory killer would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
