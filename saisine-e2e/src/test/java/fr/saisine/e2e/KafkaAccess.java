package fr.saisine.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.saisine.testsupport.KafkaPrincipals;
import fr.saisine.testsupport.TestServers;

/**
 * Grants the services the rights of infra/kafka/access.conf on the topics of this run (which
 * have names of their own), with the very program ./saisine applies to the dev broker, so the
 * end-to-end tests run each service with exactly the rights it has in production.
 */
final class KafkaAccess {

    private KafkaAccess() {
    }

    /** {@code renames}: each topic of access.conf and the name it has in this run. */
    static void grant(Map<String, String> renames) throws IOException, InterruptedException {
        grant(renames, Map.of());
    }

    /** The same, with these variables in the program's environment (the retention settings of access.conf). */
    static void grant(Map<String, String> renames, Map<String, String> environment)
            throws IOException, InterruptedException {
        TestServers.Addresses servers = TestServers.addresses();
        if (servers.kafka().passwords().isEmpty()) {
            return; // a broker without authentication (the Testcontainers path): nothing to grant
        }
        Path root = TestServers.projectRoot();
        Path adminConfig = Files.createTempFile("kafka-admin", ".properties");
        try {
            Files.writeString(adminConfig, servers.kafka().clientSecurity(KafkaPrincipals.ADMIN).entrySet().stream()
                    .map(setting -> setting.getKey() + "=" + setting.getValue()).collect(Collectors.joining("\n")));
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                    "-cp", System.getProperty("java.class.path"), root.resolve("infra/kafka/KafkaAccess.java").toString(),
                    "--bootstrap", servers.kafkaBootstrap(), "--config", adminConfig.toString()));
            renames.forEach((topic, name) -> command.addAll(List.of("--rename", topic + "=" + name)));
            command.add(root.resolve("infra/kafka/access.conf").toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("could not grant this run's topics: " + output);
            }
        }
        finally {
            Files.deleteIfExists(adminConfig);
        }
    }
}
