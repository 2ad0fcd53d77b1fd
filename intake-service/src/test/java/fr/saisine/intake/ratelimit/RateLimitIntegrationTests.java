package fr.saisine.intake.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.intake.ratelimit.domain.RateSlots;
import fr.saisine.intake.ratelimit.domain.SubmissionRateLimitProbe;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limit on the real database: 3 per 10 s per address here. The test client is the
 * trusted proxy (127.0.0.1), so each test passes for an address of its own in X-Forwarded-For.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitIntegrationTests {

    static final long WINDOW_MILLIS = 10_000;
    static final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    RateSlots slots;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "intake-rate");
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination",
                () -> TestServers.uniqueName("complaint-events"));
        registry.add("saisine.intake.rate-limit", () -> "3 per PT10S");
        registry.add("saisine.intake.trusted-proxies", () -> "127.0.0.1, ::1");
    }

    static final String COMPLAINT = """
            {"complainant": {"type": "PERSON", "name": "Jeanne Dupont", "email": "jeanne@example.org",
              "postalAddress": {"street": "3 rue des Lilas", "postalCode": "75011", "city": "Paris", "country": "FR"},
              "residence": "METROPOLITAN_FRANCE"},
             "respondent": {"name": "Banque Exemple", "type": "COMPANY"},
             "category": "ACCESS_RIGHT", "subject": "Pas de réponse", "facts": "J'ai écrit deux fois."}""";

    HttpResponse<String> file(String forwardedFor) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/v1/complaints")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor).POST(HttpRequest.BodyPublishers.ofString(COMPLAINT)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form, String forwardedFor) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", forwardedFor).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** Starts at the beginning of a window, so that the requests of a test fall in one. */
    static void atTheStartOfAWindow() {
        await().atMost(Duration.ofSeconds(WINDOW_MILLIS / 1000 + 1)).pollInterval(Duration.ofMillis(50))
                .until(() -> System.currentTimeMillis() % WINDOW_MILLIS < 500);
    }

    @Test
    void shouldRefuseTheSubmissionOverTheLimitWithAProblemAndRetryAfterThenReleaseIt() throws Exception {
        atTheStartOfAWindow();
        for (int i = 0; i < 3; i++) {
            assertThat(file("198.51.100.1").statusCode()).isEqualTo(201);
        }

        HttpResponse<String> refused = file("198.51.100.1");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("/problems/too-many-requests");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 10L);
        assertThat(file("198.51.100.2").statusCode()).as("another address").isEqualTo(201);
        await().atMost(Duration.ofSeconds(retryAfter + 2)).pollInterval(Duration.ofMillis(500))
                .until(() -> file("198.51.100.1").statusCode() == 201);
    }

    @Test
    void shouldCountInTheDatabaseSoThatAnotherInstanceRefusesToo() throws Exception {
        atTheStartOfAWindow();
        for (int i = 0; i < 3; i++) {
            assertThat(file("198.51.100.3").statusCode()).isEqualTo(201);
        }

        var anotherInstance = SubmissionRateLimitProbe.fresh(slots, "3 per PT10S");

        assertThat(anotherInstance.claim("complaint", "198.51.100.3")).isPresent();
        assertThat(anotherInstance.claim("complaint", "198.51.100.4")).isEmpty();
    }

    @Test
    void shouldBelieveXForwardedForOnlyFromATrustedProxy() throws Exception {
        atTheStartOfAWindow();
        for (int i = 0; i < 3; i++) {
            assertThat(file("198.51.100.5, 127.0.0.1").statusCode()).isEqualTo(201);
        }

        assertThat(file("198.51.100.5").statusCode()).as("the proxy's own hop is skipped").isEqualTo(429);
        assertThat(file("10.9.9.9, 198.51.100.5").statusCode()).as("a client cannot pass for another by "
                + "prepending to the header").isEqualTo(429);
    }

    @Test
    void shouldExplainTheRefusalOnTheFormsAndKeepWhatWasTyped() throws Exception {
        atTheStartOfAWindow();
        String lostLink = "reference=26000001&email=" + URLEncoder.encode("jeanne@example.org", StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            post("/suivi/lien-perdu", lostLink, "198.51.100.6");
        }

        HttpResponse<String> lostLinkPage = post("/suivi/lien-perdu", lostLink, "198.51.100.6");
        HttpResponse<String> complaintForm = post("/", "subject=" + URLEncoder.encode("Mon objet", StandardCharsets.UTF_8),
                "198.51.100.6");

        assertThat(lostLinkPage.statusCode()).isEqualTo(429);
        assertThat(lostLinkPage.headers().firstValue("Retry-After")).isPresent();
        assertThat(lostLinkPage.body()).contains("role=\"alert\"", "Trop de demandes", "value=\"26000001\"");
        assertThat(complaintForm.statusCode()).as("the complaint form counts apart from the lost link").isNotEqualTo(429);
    }
}
