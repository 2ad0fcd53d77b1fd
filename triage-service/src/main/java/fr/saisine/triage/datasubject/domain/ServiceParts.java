package fr.saisine.triage.datasubject.domain;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import fr.saisine.triage.datasubject.DataSubjectProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks intake and notification for their parts of a data subject's request, over HTTP, with the
 * DPO's own bearer token: each service decides for itself that the caller is the DPO, and records
 * the read in the audit trail; no service reads another's database. Any failure is a
 * {@link PartUnavailableException}, never a part left out.
 */
@Component
public class ServiceParts {

    private final DataSubjectProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    ServiceParts(DataSubjectProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public JsonNode intake(String email, String token) {
        return json.readTree(get("intake", properties.intakeUrl(), "/api/v1/data-subjects/part?email=" + encode(email),
                token, "application/json"));
    }

    public JsonNode notification(String email, Collection<String> references, String token) {
        String query = "?email=" + encode(email) + references.stream().map(r -> "&reference=" + encode(r))
                .collect(Collectors.joining());
        return json.readTree(get("notification", properties.notificationUrl(), "/api/v1/data-subjects/part" + query,
                token, "application/json"));
    }

    /** One file of a complaint that names the address, as intake serves it to the DPO. */
    public byte[] intakeFile(String email, String reference, String id, String token) {
        return get("intake", properties.intakeUrl(), "/api/v1/data-subjects/part/" + encode(reference) + "/files/"
                + encode(id) + "?email=" + encode(email), token, "*/*");
    }

    private byte[] get(String service, URI base, String path, String token, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "") + path))
                .timeout(properties.timeout()).header("Authorization", "Bearer " + token).header("Accept", accept)
                .GET().build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException ex) {
            throw new PartUnavailableException(service, true, "no answer from " + base + " ("
                    + ex.getClass().getSimpleName() + ")");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new PartUnavailableException(service, true, "interrupted while waiting for " + base);
        }
        if (response.statusCode() != 200) {
            throw new PartUnavailableException(service, false, base + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
