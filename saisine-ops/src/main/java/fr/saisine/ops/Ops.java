package fr.saisine.ops;

import java.util.Arrays;
import java.util.List;

import fr.saisine.ops.dlq.DeadLetters;
import fr.saisine.ops.dlq.DlqCommand;
import fr.saisine.ops.faults.FaultsCommand;

/**
 * The operator's tools behind ./saisine that speak to the running stack: dead letters (the broker
 * and the administrator's sign-in come from the environment) and the fault suite.
 */
public final class Ops {

    private Ops() {
    }

    public static void main(String[] args) throws Exception {
        List<String> words = Arrays.asList(args);
        if (!words.isEmpty() && words.getFirst().equals("faults")) {
            try {
                System.exit(FaultsCommand.run(words.subList(1, words.size()), System.out));
            }
            catch (IllegalArgumentException ex) {
                System.err.println("saisine faults: " + ex.getMessage());
                System.exit(2);
            }
        }
        if (words.isEmpty() || !words.getFirst().equals("dlq")) {
            System.err.println("Usage: ./saisine dlq list | show TOPIC | replay TOPIC [--id PARTITION:OFFSET ...]");
            System.exit(2);
        }
        String bootstrap = System.getenv().getOrDefault("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        try (DeadLetters deadLetters = new DeadLetters(KafkaSignIn.clientConfig(bootstrap))) {
            System.exit(new DlqCommand(deadLetters, System.out).run(words.subList(1, words.size())));
        }
        catch (IllegalArgumentException | IllegalStateException ex) {
            System.err.println("saisine dlq: " + ex.getMessage());
            System.exit(1);
        }
    }
}
