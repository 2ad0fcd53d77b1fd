package fr.saisine.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * The principals of the test broker and their passwords, from the secrets file {@code ./saisine}
 * writes for its profile ({@code .saisine/run/test/kafka-secrets}); {@link #NONE} for a broker
 * that asks for none (the Testcontainers path).
 */
public record KafkaPrincipals(String securityProtocol, Map<String, String> passwords) {

    public static final String ADMIN = "admin";

    public static final KafkaPrincipals NONE = new KafkaPrincipals("PLAINTEXT", Map.of());

    public static KafkaPrincipals fromSecrets(Path file) {
        Properties secrets = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            secrets.load(reader);
        }
        catch (IOException ex) {
            throw new IllegalStateException("cannot read the Kafka principals' passwords from " + file, ex);
        }
        Map<String, String> passwords = new java.util.HashMap<>();
        secrets.stringPropertyNames().forEach(name -> passwords.put(name, secrets.getProperty(name)));
        return new KafkaPrincipals("SASL_PLAINTEXT", Map.copyOf(passwords));
    }

    public String password(String principal) {
        return passwords.getOrDefault(principal, "");
    }

    /** The client settings that sign in as {@code principal}: nothing on a broker without SASL. */
    public Map<String, String> clientSecurity(String principal) {
        if (passwords.isEmpty()) {
            return Map.of("security.protocol", securityProtocol);
        }
        return Map.of("security.protocol", securityProtocol,
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + principal + "\" password=\"" + password(principal) + "\";");
    }
}
