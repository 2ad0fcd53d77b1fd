package fr.saisine.ops;

import java.util.HashMap;
import java.util.Map;

/**
 * The operator's tools (./saisine dlq, ./saisine bench) sign in to Kafka as the broker's
 * administrator, whose name and password ./saisine passes in the environment
 * (SAISINE_KAFKA_USERNAME, SAISINE_KAFKA_PASSWORD); with none, the broker is taken to ask for none.
 */
public final class KafkaSignIn {

    private KafkaSignIn() {
    }

    public static Map<String, Object> clientConfig(String bootstrap) {
        return clientConfig(bootstrap, System.getenv("SAISINE_KAFKA_USERNAME"), System.getenv("SAISINE_KAFKA_PASSWORD"));
    }

    public static Map<String, Object> clientConfig(String bootstrap, String username, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        if (username != null && !username.isBlank() && password != null) {
            config.put("security.protocol", "SASL_PLAINTEXT");
            config.put("sasl.mechanism", "SCRAM-SHA-512");
            config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + username + "\" password=\"" + password + "\";");
        }
        return config;
    }
}
