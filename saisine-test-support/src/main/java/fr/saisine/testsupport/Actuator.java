package fr.saisine.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.OptionalDouble;

/** A service's management port, as the probes and Prometheus see it: no token, loopback. */
public final class Actuator {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int managementPort;

    public Actuator(int managementPort) {
        this.managementPort = managementPort;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
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
