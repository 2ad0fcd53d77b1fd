package fr.saisine.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's HTTP calls, each timed: posting complaints as the public does, reading as staff do. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One POST: its status, the reference it got (null unless 201), when it left, how long it took. */
    record Posted(int status, String reference, Instant postedAt, long millis, String error) {
        boolean accepted() {
            return status == 201;
        }
    }

    /** One GET: status, body bytes, how long until the whole body was read. */
    record Got(int status, byte[] body, long millis) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Posted postComplaint(String intake, String json) {
        return post(HttpRequest.newBuilder(URI.create(intake + "/api/v1/complaints"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A complaint with one file, as a multipart request: the {@code complaint} part and an {@code attachments} part. */
    Posted postComplaint(String intake, String json, String filename, String type, byte[] file) {
        String boundary = "saisine-bench-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"complaint\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + json + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return post(HttpRequest.newBuilder(URI.create(intake + "/api/v1/complaints"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private Posted post(HttpRequest request) {
        Instant postedAt = Instant.now();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (response.statusCode() != 201) {
                return new Posted(response.statusCode(), null, postedAt, millis, abbreviated(response.body()));
            }
            return new Posted(201, JSON.readTree(response.body()).get("reference").asString(), postedAt, millis, null);
        }
        catch (IOException ex) {
            return new Posted(-1, null, postedAt, (System.nanoTime() - start) / 1_000_000, ex.toString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Posted(-1, null, postedAt, 0, "interrupted");
        }
    }

    Got get(String url, String bearer) {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + bearer).header("Accept", "*/*").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Got(response.statusCode(), response.body(), (System.nanoTime() - start) / 1_000_000);
        }
        catch (IOException ex) {
            throw new IllegalStateException("GET " + url + ": " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** A staff request about a case: its status, the case's ETag when it answers one, the body. */
    record Answer(int status, String etag, String body) {
    }

    /** GET with {@code json} null, else a POST of it with {@code If-Match: ifMatch}: as staff change a case. */
    Answer staff(String url, String bearer, String ifMatch, String json) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json").header("If-Match", ifMatch)
                    .POST(HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                    response.body());
        }
        catch (IOException ex) {
            return new Answer(-1, null, ex.toString());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * An actuator operation on a management port (loopback, no token): POST when {@code post}, else
     * GET; its JSON answer within {@code timeout} (a retention run answers once it has gone through
     * every case: long; a stuck service must not hold the benchmark for ever).
     */
    JsonNode actuator(String url, boolean post, Duration timeout) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").timeout(timeout);
        if (post) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException((post ? "POST " : "GET ") + url + ": HTTP " + response.statusCode()
                        + " " + abbreviated(response.body()));
            }
            return JSON.readTree(response.body());
        }
        catch (IOException ex) {
            throw new IllegalStateException((post ? "POST " : "GET ") + url + ": " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** A form POST (the token endpoint), answered as JSON. */
    JsonNode postForm(String url, String form) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST " + url + ": HTTP " + response.statusCode() + " "
                        + abbreviated(response.body()));
            }
            return JSON.readTree(response.body());
        }
        catch (IOException ex) {
            throw new IllegalStateException("POST " + url + ": " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Plain text (the Prometheus scrape). */
    String getText(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + ": HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
