package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One complaint is one trace: the trace id its filer sends (W3C {@code traceparent}) is in the log
 * lines of the three services about it, across the Kafka hops and the queues between them, each
 * line with the complaint's reference, in the JSON an operator's log collector reads.
 */
class TracingEndToEndIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static final String COMPLAINT = """
            {"complainant": {"type": "ORGANISATION", "name": "Groupe des élus écologistes",
               "representatives": [{"name": "Alice Martin", "role": "co-présidente", "email": "alice-%s@example.org"}],
               "postalAddress": {"street": "1 place de la Mairie", "postalCode": "69001", "city": "Lyon", "country": "FR"},
               "residence": "METROPOLITAN_FRANCE"},
             "respondent": {"name": "Commune de Lyon", "type": "PUBLIC_BODY", "activity": "commune"},
             "category": "VIDEO_SURVEILLANCE",
             "subject": "Reconnaissance faciale aux abords des écoles",
             "facts": "La commune expérimente la reconnaissance faciale."}""";
    static RunningStack stack;

    @BeforeAll
    static void theStack() throws Exception {
        stack = RunningStack.get();
    }

    @Test
    void aComplaintIsFollowedUnderOneTraceIdFromItsPostToItsAcknowledgement() throws Exception {
        SecureRandom random = new SecureRandom();
        String traceId = HexFormat.of().formatHex(random.generateSeed(16));
        String parentSpan = HexFormat.of().formatHex(random.generateSeed(8));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(stack.intake.url("/api/v1/complaints"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + parentSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(COMPLAINT.formatted(UUID.randomUUID()))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        String reference = json.readTree(created.body()).get("reference").asString();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(messagesOfTrace(stack.intake, traceId, reference))
                    .contains("complaint " + reference + " filed through the api");
            assertThat(messagesOfTrace(stack.triage, traceId, reference))
                    .anyMatch(message -> message.startsWith("complaint " + reference + " routed to "));
            assertThat(messagesOfTrace(stack.notification, traceId, reference))
                    .contains("ACKNOWLEDGEMENT letter of " + reference + " sent");
        });
    }

    /** The messages of the lines the service logged in this trace about this reference. */
    private static List<String> messagesOfTrace(RunningService service, String traceId, String reference)
            throws Exception {
        return service.logLines().stream().filter(line -> line.startsWith("{")).map(json::readTree)
                .filter(line -> traceId.equals(text(line, "traceId")) && reference.equals(text(line, "reference")))
                .map(line -> text(line, "message")).toList();
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null ? null : value.asString();
    }
}
