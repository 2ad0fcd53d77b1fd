package fr.saisine.ops.faults;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An access token of a dev account (password grant of the dev-only client saisine-cli), fetched
 * again a minute before it expires. While the provider is down, the token in hand serves until
 * then, as it does for a signed-in agent; one refused is fetched again at once ({@link #refused}).
 */
final class StaffToken {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI tokenEndpoint;
    private final String username;
    private String token;
    private Instant renewAt = Instant.MIN;

    StaffToken(String issuer, String username) {
        this.tokenEndpoint = URI.create(issuer + "/protocol/openid-connect/token");
        this.username = username;
    }

    synchronized String get() throws Exception {
        if (token != null && Instant.now().isBefore(renewAt)) {
            return token;
        }
        try {
            String form = "grant_type=password&client_id=saisine-cli&username=" + enc(username) + "&password="
                    + enc(username);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("no token for " + username + ": " + answer.statusCode());
            }
            JsonNode body = json.readTree(answer.body());
            token = body.get("access_token").asString();
            renewAt = Instant.now().plusSeconds(body.get("expires_in").asLong() - 60);
            return token;
        }
        catch (Exception providerAway) {
            if (token != null && Instant.now().isBefore(renewAt.plusSeconds(50))) {
                return token; // the token in hand is good for a few more seconds
            }
            throw providerAway;
        }
    }

    /**
     * Drops the token in hand after a 401: it was refused, not merely old. A provider that lost its
     * signing keys (the dev stack's Keycloak keeps them in memory, so a restart makes new ones) has
     * made every token it issued before worthless, as an OAuth client learns from the 401.
     */
    synchronized void refused(String refusedToken) {
        if (refusedToken.equals(token)) {
            token = null;
            renewAt = Instant.MIN;
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
