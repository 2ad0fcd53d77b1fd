package fr.saisine.intake.datasubject;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.testsupport.Multipart;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake's part of a data subject's request: every complaint naming the address (as complainant or
 * representative), found through the address index, with its files and follow-up, for the DPO
 * alone; the files themselves only of a complaint that names the address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataSubjectPartIntegrationTests {

    static final String TOPIC = TestServers.uniqueName("complaint-events");
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static final String ID = UUID.randomUUID().toString().substring(0, 8);
    static final String PERSON = "jeanne-" + ID + "@example.org";
    static final String REPRESENTATIVE = "alice-" + ID + "@example.org";
    static final String LETTER = "Lettre de Jeanne " + ID;

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "intake");
        registry.add("saisine.intake.rate-limit", () -> "off");
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.learnCaseSectors-in-0.destination", () -> TOPIC);
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination",
                () -> TestServers.uniqueName("audit-events"));
    }

    static String person(String email) {
        return """
                {"complainant": {"type": "PERSON", "name": "Jeanne Dupont", "email": "%s",
                   "postalAddress": {"street": "3 rue des Lilas", "postalCode": "75011", "city": "Paris", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Caisse primaire d'assurance maladie", "type": "PUBLIC_BODY", "activity": "sécurité sociale"},
                 "category": "ACCESS_RIGHT", "subject": "Pas de réponse", "facts": "J'ai écrit deux fois sans réponse."}"""
                .formatted(email);
    }

    static String group(String representative) {
        return """
                {"complainant": {"type": "ORGANISATION", "name": "Groupe des élus",
                   "representatives": [{"name": "Alice Martin", "role": "co-présidente", "email": "%s"},
                                       {"name": "Bruno Petit", "role": "co-président", "email": "bruno-%s@example.org"}],
                   "postalAddress": {"street": "1 place de la Mairie", "postalCode": "69001", "city": "Lyon", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Commune de Lyon", "type": "PUBLIC_BODY", "activity": "commune"},
                 "category": "VIDEO_SURVEILLANCE", "subject": "Caméras", "facts": "Des caméras dans la cour."}"""
                .formatted(representative, ID);
    }

    String file(Multipart body) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri("/api/v1/complaints"))
                .header("Content-Type", body.contentType()).POST(body.publisher()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("reference").asString();
    }

    HttpResponse<String> part(String email, String username) throws Exception {
        return get("/api/v1/data-subjects/part" + (email == null ? "" : "?email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8)), username);
    }

    HttpResponse<String> get(String path, String username) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (username != null) {
            request.header("Authorization", "Bearer " + tokens.accessToken(username));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static String personal;
    static String represented;
    static String other;

    /** Filed once for all the tests, by the first: the address index is what they look at. */
    synchronized void fileOnce() throws Exception {
        if (personal != null) {
            return;
        }
        personal = file(new Multipart().json("complaint", person(PERSON))
                .file("attachments", "lettre.txt", "text/plain", LETTER.getBytes(StandardCharsets.UTF_8)));
        represented = file(new Multipart().json("complaint", group(REPRESENTATIVE)));
        other = file(new Multipart().json("complaint", person("someone-else-" + ID + "@example.org")));
    }

    @Test
    void shouldServeTheDpoEveryComplaintNamingTheAddressWithItsFilesListed() throws Exception {
        fileOnce();
        HttpResponse<String> answer = part("  " + PERSON.toUpperCase() + " ", "dpo");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("email").asString()).isEqualTo(PERSON);
        assertThat(body.get("complaints").valueStream().map(c -> c.get("reference").asString()).toList())
                .containsExactly(personal);
        JsonNode complaint = body.at("/complaints/0");
        assertThat(complaint.get("roles").valueStream().map(JsonNode::asString).toList()).containsExactly("COMPLAINANT");
        assertThat(complaint.at("/complaint/facts").asString()).isEqualTo("J'ai écrit deux fois sans réponse.");
        assertThat(complaint.at("/files/0/filename").asString()).isEqualTo("lettre.txt");
        assertThat(complaint.at("/files/0/size").asLong()).isEqualTo(LETTER.getBytes(StandardCharsets.UTF_8).length);
        assertThat(answer.headers().allValues("Cache-Control")).anySatisfy(v -> assertThat(v).contains("no-store"));

        String fileId = complaint.at("/files/0/id").asString();
        HttpResponse<String> download = get("/api/v1/data-subjects/part/" + personal + "/files/" + fileId + "?email="
                + PERSON, "dpo");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(LETTER);
    }

    @Test
    void shouldFindTheComplaintsARepresentativeIsNamedIn() throws Exception {
        fileOnce();
        JsonNode body = json.readTree(part(REPRESENTATIVE, "dpo").body());

        assertThat(body.get("complaints").valueStream().map(c -> c.get("reference").asString()).toList())
                .containsExactly(represented);
        assertThat(body.at("/complaints/0/roles/0").asString()).isEqualTo("REPRESENTATIVE");
        assertThat(json.readTree(part("nobody-" + ID + "@example.org", "dpo").body()).get("complaints")).isEmpty();
    }

    @Test
    void shouldServeNoFileOfAComplaintThatDoesNotNameTheAddress() throws Exception {
        fileOnce();
        String fileId = json.readTree(part(PERSON, "dpo").body()).at("/complaints/0/files/0/id").asString();

        HttpResponse<String> refused = get("/api/v1/data-subjects/part/" + personal + "/files/" + fileId
                + "?email=someone-else-" + ID + "@example.org", "dpo");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(LETTER);
    }

    @Test
    void shouldRefuseEveryoneButTheDpo() throws Exception {
        fileOnce();
        for (String username : List.of("agent-apsf", "head-apsf", "auditor")) {
            HttpResponse<String> refused = part(PERSON, username);
            assertThat(refused.statusCode()).as(username).isEqualTo(403);
            assertThat(json.readTree(refused.body()).get("type").asString()).isEqualTo("/problems/forbidden");
            assertThat(refused.body()).doesNotContain(personal);
        }
        HttpResponse<String> anonymous = part(PERSON, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain(personal);
    }

    @Test
    void shouldRefuseTheDpoEveryOtherStaffEndpoint() throws Exception {
        fileOnce();
        assertThat(get("/api/v1/complaints/" + personal, "dpo").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldAnswerAMissingOrMalformedAddressWithAProblem() throws Exception {
        for (String email : java.util.Arrays.asList(null, "", "not an address", "a@b")) {
            HttpResponse<String> refused = part(email, "dpo");
            assertThat(refused.statusCode()).as("%s", email).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(json.readTree(refused.body()).get("type").asString()).isEqualTo("/problems/invalid-email");
        }
    }
}
