package fr.saisine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalDouble;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's management port, as the probes and Prometheus see it: no token, loopback. */
public final class Actuator {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int managementPort;

    public Actuator(int managementPort) {
        this.managementPort = managementPort;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Readiness answers UP, with the database and the Kafka binder among its components. */
    public void assertReadyWithDatabaseAndKafka() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> readiness = get("/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            JsonNode health = JSON.readTree(readiness.body());
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/mongo/status").asString()).isEqualTo("UP");
            assertThat(health.at("/components/binders/components/kafka/status").asString()).isEqualTo("UP");
        });
    }

    /** The service's own port answers no Actuator endpoint: they are on the management port only. */
    public static void assertNotOnServicePort(int servicePort) throws IOException, InterruptedException {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + servicePort + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isNotEqualTo(200);
    }

    /** What Prometheus scrapes. */
    public String scrape() throws IOException, InterruptedException {
        HttpResponse<String> scraped = get("/actuator/prometheus");
        if (scraped.statusCode() != 200) {
            throw new IllegalStateException("/actuator/prometheus answered " + scraped.statusCode());
        }
        return scraped.body();
    }

    /**
     * The value of the first sample of {@code name} whose labels include each of {@code labels}
     * (written as in the scrape: {@code channel="api"}); empty when there is none.
     */
    public static OptionalDouble sample(String scrape, String name, String... labels) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
