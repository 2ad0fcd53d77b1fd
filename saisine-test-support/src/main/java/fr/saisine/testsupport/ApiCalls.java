package fr.saisine.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The HTTP calls the tests make to the services, as a client would: with a staff member's
 * {@code Authorization} header, or none ({@code null}).
 */
public final class ApiCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ApiCalls() {
    }

    /** {@code "Bearer <an access token of the dev account>"}, from the test servers' Keycloak. */
    public static String bearer(StaffTokens tokens, String username) {
        return "Bearer " + tokens.accessToken(username);
    }

    public static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return get(uri, null);
    }

    public static HttpResponse<String> get(URI uri, String authorization) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri), authorization);
    }

    public static HttpResponse<String> post(URI uri, String contentType, String body, String authorization)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), authorization);
    }

    public static HttpResponse<String> send(HttpRequest.Builder request, String authorization)
            throws IOException, InterruptedException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
