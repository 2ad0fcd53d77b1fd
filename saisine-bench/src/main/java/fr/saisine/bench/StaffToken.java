package fr.saisine.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A staff member's bearer token, as {@code ./saisine token USER} gets it: the password grant of the
 * dev-only public client {@code saisine-cli} (a dev account's password is its name). Fetched again
 * shortly before it expires, since seeding 100,000 cases outlasts a token.
 */
final class StaffToken {

    private final Http http;
    private final String issuer;
    private final String user;
    private String token;
    private Instant renewAt = Instant.MIN;

    StaffToken(Http http, String issuer, String user) {
        this.http = http;
        this.issuer = issuer;
        this.user = user;
    }

    synchronized String get() {
        if (Instant.now().isAfter(renewAt)) {
            String name = URLEncoder.encode(user, StandardCharsets.UTF_8);
            JsonNode answer = http.postForm(issuer + "/protocol/openid-connect/token",
                    "grant_type=password&client_id=saisine-cli&username=" + name + "&password=" + name);
            token = answer.get("access_token").asString();
            renewAt = Instant.now().plusSeconds(Math.max(10, answer.path("expires_in").asLong(300) - 60));
        }
        return token;
    }
}
