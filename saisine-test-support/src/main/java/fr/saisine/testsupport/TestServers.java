package fr.saisine.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.MountableFile;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;

/**
 * The real Kafka, MongoDB, SMTP and OpenID Connect (Keycloak) servers the integration tests use,
 * found in this order:
 * addresses in the environment (what {@code ./saisine test} and CI export), else containers
 * when a Docker engine is present, else the servers started by {@code ./saisine infra}.
 */
public final class TestServers {

    /**
     * Where the servers are; {@code mailApi} is GreenMail's REST API, which tests read mail from;
     * {@code oidcIssuer} is the Keycloak realm {@code saisine} that signs the staff's tokens;
     * {@code kafka} says how to sign in to the broker; {@code imapPort} reads the mail as a client would.
     */
    public record Addresses(String kafkaBootstrap, KafkaPrincipals kafka, String mongoUri, String smtpHost,
            int smtpPort, String mailApi, String oidcIssuer, int imapPort) {

        /** The settings of a Kafka client of the tests' own (a probe, an admin), as the administrator. */
        public Map<String, Object> kafkaClientConfig() {
            Map<String, Object> config = new HashMap<>(kafka.clientSecurity(KafkaPrincipals.ADMIN));
            config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
            return config;
        }
    }

    /** The test profile's ports ({@code infra/ports.properties}), which {@code ./saisine test} starts the servers on. */
    public static final PortPlan TEST_PORTS = PortPlan.of("test");

    private static final int KEYCLOAK_TEST_PORT = TEST_PORTS.server("keycloak");

    /** The issuer of the test servers' Keycloak ({@code ./saisine} test profile, and the container). */
    public static final String TEST_ISSUER = "http://127.0.0.1:" + KEYCLOAK_TEST_PORT + "/realms/saisine";

    private static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:26.5.6";

    private static Addresses addresses;

    private TestServers() {
    }

    public static synchronized Addresses addresses() {
        if (addresses == null) {
            addresses = fromEnvironment(System.getenv());
            if (addresses == null) {
                addresses = DockerClientFactory.instance().isDockerAvailable() ? fromContainers() : fromScripts();
            }
        }
        return addresses;
    }

    /**
     * Points a Spring test context at the servers, with a database of its own so that test
     * classes never see each other's documents.
     */
    public static void register(DynamicPropertyRegistry registry, String databasePrefix) {
        Addresses servers = addresses();
        registry.add("spring.kafka.bootstrap-servers", servers::kafkaBootstrap);
        registry.add("spring.mongodb.uri", servers::mongoUri);
        registry.add("spring.mongodb.database", () -> uniqueName(databasePrefix));
        registry.add("spring.mail.host", servers::smtpHost);
        registry.add("spring.mail.port", servers::smtpPort);
        registry.add("saisine.security.issuer-uri", servers::oidcIssuer);
        // the services under test sign in to the broker as its administrator: their topics have
        // names of their own per test, which no service principal is granted
        registry.add("saisine.kafka.security-protocol", servers.kafka()::securityProtocol);
        registry.add("saisine.kafka.username", () -> KafkaPrincipals.ADMIN);
        registry.add("saisine.kafka.password", () -> servers.kafka().password(KafkaPrincipals.ADMIN));
        // triage's staff views are read whole from case-views: a topic of this context's own, so that
        // its views hold its own cases only (created compacted by the views' reader, as admin, at start)
        String caseViews = uniqueName("case-views");
        registry.add("spring.cloud.stream.bindings.caseViews-out-0.destination", () -> caseViews);
    }

    /** A loopback port free at the time of asking. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException("no free port", ex);
        }
    }

    /** A name no other test run uses: for databases, topics and consumer groups. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Addresses fromEnvironment(Map<String, String> env) {
        String kafka = env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        String mongo = env.get("SPRING_MONGODB_URI");
        if (kafka == null || mongo == null) {
            return null;
        }
        KafkaPrincipals principals = env.containsKey("SAISINE_KAFKA_SECRETS")
                ? KafkaPrincipals.fromSecrets(Path.of(env.get("SAISINE_KAFKA_SECRETS")))
                : KafkaPrincipals.NONE;
        return new Addresses(kafka, principals, mongo, env.getOrDefault("SPRING_MAIL_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("SPRING_MAIL_PORT", String.valueOf(TEST_PORTS.server("smtp")))),
                env.getOrDefault("SAISINE_MAIL_API", "http://127.0.0.1:" + TEST_PORTS.server("mail.web")),
                env.getOrDefault("SAISINE_SECURITY_ISSUER_URI", TEST_ISSUER),
                Integer.parseInt(env.getOrDefault("SAISINE_MAIL_IMAP_PORT", String.valueOf(TEST_PORTS.server("imap")))));
    }

    @SuppressWarnings("resource") // the containers live as long as the test JVM; Ryuk removes them
    private static Addresses fromContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        GenericContainer<?> mail = new GenericContainer<>("greenmail/standalone:2.1.5")
                .withEnv("GREENMAIL_OPTS", "-Dgreenmail.setup.test.smtp -Dgreenmail.hostname=0.0.0.0 "
                        + "-Dgreenmail.auth.disabled -Dgreenmail.api.hostname=0.0.0.0")
                .withExposedPorts(3025, 3143, 8080)
                .waitingFor(Wait.forHttp("/api/service/readiness").forPort(8080));
        // Fixed host port: the issuer then is the test profile's, which the realm's redirect URIs expect.
        GenericContainer<?> keycloak = new GenericContainer<>(KEYCLOAK_IMAGE)
                .withCommand("start-dev", "--import-realm", "--http-port=8080",
                        "--hostname=http://127.0.0.1:" + KEYCLOAK_TEST_PORT, "--health-enabled=false")
                .withEnv("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m")
                .withCopyFileToContainer(
                        MountableFile.forHostPath(projectRoot().resolve("infra/keycloak/saisine-realm.json")),
                        "/opt/keycloak/data/import/saisine-realm.json")
                .withExposedPorts(8080)
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(List.of(
                        new PortBinding(Ports.Binding.bindPort(KEYCLOAK_TEST_PORT), ExposedPort.tcp(8080)))))
                .waitingFor(Wait.forHttp("/realms/saisine/.well-known/openid-configuration").forPort(8080)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        kafka.start();
        mongo.start();
        mail.start();
        keycloak.start();
        return new Addresses(kafka.getBootstrapServers(), KafkaPrincipals.NONE, mongo.getConnectionString(), mail.getHost(),
                mail.getMappedPort(3025), "http://" + mail.getHost() + ":" + mail.getMappedPort(8080), TEST_ISSUER,
                mail.getMappedPort(3143));
    }

    /** Runs {@code ./saisine infra} with the test profile: the same ports {@code ./saisine test} uses. */
    private static Addresses fromScripts() {
        Path root = projectRoot();
        try {
            // not inherited: the test JVM's own output is Surefire's channel
            File log = root.resolve(".saisine/test-servers.log").toFile();
            Files.createDirectories(log.toPath().getParent());
            ProcessBuilder infra = new ProcessBuilder(root.resolve("saisine").toString(), "infra")
                    .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log);
            infra.environment().put("SAISINE_PROFILE", "test");
            int exit = infra.start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("./saisine infra failed with exit code " + exit + "; see " + log);
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException("could not run ./saisine infra", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the test servers", ex);
        }
        return new Addresses("127.0.0.1:" + TEST_PORTS.server("kafka"),
                KafkaPrincipals.fromSecrets(root.resolve(".saisine/run/test/kafka-secrets")),
                "mongodb://127.0.0.1:" + TEST_PORTS.server("mongodb"), "127.0.0.1", TEST_PORTS.server("smtp"),
                "http://127.0.0.1:" + TEST_PORTS.server("mail.web"), TEST_ISSUER, TEST_PORTS.server("imap"));
    }

    /** The folder holding {@code ./saisine}, found upwards from the working directory. */
    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isExecutable(dir.resolve("saisine"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the project root (the folder with ./saisine)");
        }
        return dir;
    }
}
