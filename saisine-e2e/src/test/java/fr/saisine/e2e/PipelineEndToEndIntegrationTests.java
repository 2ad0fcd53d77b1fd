package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.MimeText;
import fr.saisine.testsupport.StaffTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The spine: a complaint submitted over HTTP to intake-service ends as an acknowledgement in the
 * SMTP sink, through Kafka, triage-service and notification-service, each its own process.
 */
class PipelineEndToEndIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static final MailSink mail = MailSink.ofTestServers();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static RunningStack stack;

    @BeforeAll
    static void startTheThreeServices() throws Exception {
        stack = RunningStack.get();
    }

    /** Read as the APSF agent: the complaint's data is the staff's, sector by sector. */
    static JsonNode getJson(URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + tokens.accessToken("agent-apsf")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void shouldTurnASubmittedComplaintIntoAnAcknowledgementForEachRepresentative() throws Exception {
        String alice = "alice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String bruno = "bruno-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String complaint = """
                {"complainant": {"type": "ORGANISATION", "name": "Groupe des élus écologistes",
                   "representatives": [
                     {"name": "Alice Martin", "role": "co-présidente", "email": "%s"},
                     {"name": "Bruno Petit", "role": "co-président", "email": "%s"}],
                   "postalAddress": {"street": "1 place de la Mairie", "postalCode": "69001", "city": "Lyon", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Commune de Lyon", "type": "PUBLIC_BODY", "activity": "commune"},
                 "category": "VIDEO_SURVEILLANCE",
                 "subject": "Reconnaissance faciale aux abords des écoles",
                 "facts": "La commune expérimente la reconnaissance faciale."}""".formatted(alice, bruno);

        String reference = stack.fileComplaint(complaint);

        for (String recipient : List.of(alice, bruno)) {
            MimeMessage letter = await().atMost(Duration.ofSeconds(60))
                    .until(() -> mail.messagesTo(recipient), m -> !m.isEmpty()).getFirst();
            assertThat(letter.getSubject()).contains(reference);
            assertThat(MimeText.plainText(letter)).contains(reference, "Affaires publiques, sociales et financières",
                    "à rappeler dans toute correspondance");
        }

        // oldest first, a page at a time: the newest case is on the last page
        long total = getJson(stack.triage.url("/api/v1/sectors/APSF/queue?size=200")).get("total").asLong();
        JsonNode lastPage = getJson(stack.triage.url("/api/v1/sectors/APSF/queue?size=200&page=" + (total - 1) / 200));
        assertThat(lastPage.get("cases").valueStream().map(c -> c.get("reference").asString()).toList())
                .contains(reference);
        JsonNode triagedCase = getJson(stack.triage.url("/api/v1/cases/" + reference));
        assertThat(triagedCase.get("priority").asString()).isEqualTo("HIGH");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                getJson(stack.notification.url("/api/v1/complaints/" + reference + "/notifications")).valueStream()
                        .map(m -> m.get("status").asString()).toList()).containsExactly("SENT", "SENT"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .untilAsserted(() -> assertThat(mail.messagesTo(alice)).hasSize(1));
    }
}
