package fr.saisine.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real access tokens for the dev accounts of the test servers' Keycloak ({@code agent-apsf},
 * {@code agent-num}, {@code head-apsf}, {@code auditor}, {@code dpo}; password = username), by the password
 * grant of the dev-only public clients {@code saisine-cli} and {@code saisine-cli-expiring}.
 */
public final class StaffTokens {

    private static final String CLIENT = "saisine-cli";
    private static final String EXPIRING_CLIENT = "saisine-cli-expiring";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private final URI tokenEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAfter) {
    }

    private StaffTokens(String issuer) {
        this.tokenEndpoint = URI.create(issuer.replaceAll("/+$", "") + "/protocol/openid-connect/token");
    }

    /** The tokens of the Keycloak that {@link TestServers#addresses()} finds. */
    public static StaffTokens ofTestServers() {
        return new StaffTokens(TestServers.addresses().oidcIssuer());
    }

    /** A 15-minute access token for a dev account, cached until 60 s before it expires. */
    public String accessToken(String username) {
        return cache.compute(username, (user, cached) -> cached != null && Instant.now().isBefore(cached.renewAfter())
                ? cached : fetch(CLIENT, user)).value();
    }

    /** A fresh access token for a dev account that expires 2 seconds after it was issued (never cached). */
    public String shortLivedToken(String username) {
        return fetch(EXPIRING_CLIENT, username).value();
    }

    /** A fresh ID token of a dev account (audience saisine-cli, typ ID), which the APIs must refuse as a bearer token. */
    public String idToken(String username) {
        return tokenField(grant(CLIENT, username, "openid"), "id_token", CLIENT, username);
    }

    private Token fetch(String clientId, String username) {
        Instant asked = Instant.now();
        JsonNode token = grant(clientId, username, null);
        long expiresIn = token.path("expires_in").asLong(0);
        return new Token(tokenField(token, "access_token", clientId, username),
                asked.plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY));
    }

    private static String tokenField(JsonNode token, String field, String clientId, String username) {
        JsonNode value = token.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalStateException("Keycloak answered HTTP 200 without an " + field + " for " + username
                    + " (client " + clientId + "): " + token);
        }
        return value.asString();
    }

    private JsonNode grant(String clientId, String username, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", username);
        form.put("password", username);
        if (scope != null) {
            form.put("scope", scope);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException("could not reach Keycloak at " + tokenEndpoint + " for a token of "
                    + username + " (client " + clientId + ")", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Keycloak for a token of " + username, ex);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + username + " (client " + clientId
                    + ", " + tokenEndpoint + "): HTTP " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body());
    }
}
