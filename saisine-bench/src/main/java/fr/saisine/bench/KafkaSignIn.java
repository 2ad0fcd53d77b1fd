package fr.saisine.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The benchmark's own Kafka clients sign in as the broker's administrator, whose name and
 * password ./saisine bench passes in the environment (SAISINE_KAFKA_USERNAME, _PASSWORD); with
 * none, the broker is taken to ask for none.
 */
final class KafkaSignIn {

    private KafkaSignIn() {
    }

    static Map<String, Object> clientConfig(String bootstrap) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        String username = System.getenv("SAISINE_KAFKA_USERNAME");
        String password = System.getenv("SAISINE_KAFKA_PASSWORD");
        if (username != null && password != null) {
            config.put("security.protocol", "SASL_PLAINTEXT");
            config.put("sasl.mechanism", "SCRAM-SHA-512");
            config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + username + "\" password=\"" + password + "\";");
        }
        return config;
    }
}
