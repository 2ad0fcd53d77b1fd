package fr.saisine.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import fr.saisine.events.Topics;

/**
 * The benchmark's options, from {@code --name value} or {@code --name=value} arguments, then the environment, then
 * defaults. {@code rate} paces submissions (complaints per second, all threads together); 0
 * submits as fast as the concurrency allows, which measures the pipeline's throughput under a
 * backlog, while a rate below it measures latency at a sustainable load.
 */
record BenchOptions(String intake, int complaints, int concurrency, double rate, int warmup, Path results,
        String kafka, String mongo, String notificationTopic, Duration timeout) {

    static BenchOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("expected --name value or --name=value, got '" + arg + "'");
            }
            if (arg.contains("=")) {
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                given.put(arg.substring(2), args[++i]);
            }
            else {
                throw new IllegalArgumentException("option " + arg + " needs a value: " + arg + " N or " + arg + "=N");
            }
        }
        var options = new BenchOptions(
                given.getOrDefault("intake", "http://127.0.0.1:8081"),
                Integer.parseInt(given.getOrDefault("complaints", "3000")),
                Integer.parseInt(given.getOrDefault("concurrency", "16")),
                Double.parseDouble(given.getOrDefault("rate", "0")),
                Integer.parseInt(given.getOrDefault("warmup", "200")),
                Path.of(given.getOrDefault("results", ".saisine/bench")),
                given.getOrDefault("kafka", env.getOrDefault("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")),
                given.getOrDefault("mongo", env.getOrDefault("SPRING_MONGODB_URI", "mongodb://127.0.0.1:27017")),
                given.getOrDefault("notification-topic", Topics.NOTIFICATION_EVENTS),
                Duration.parse("PT" + given.getOrDefault("timeout", "600S")));
        if (options.complaints < 1 || options.concurrency < 1 || options.warmup < 0 || options.rate < 0) {
            throw new IllegalArgumentException(
                    "complaints and concurrency must be at least 1, warmup and rate at least 0");
        }
        return options;
    }
}
