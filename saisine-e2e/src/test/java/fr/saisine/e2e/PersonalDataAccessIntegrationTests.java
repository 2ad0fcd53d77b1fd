package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import fr.saisine.testsupport.ApiCalls;
import fr.saisine.testsupport.Multipart;
import fr.saisine.testsupport.StaffTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who may read what, endpoint by endpoint, on the three running services with tokens from the
 * real provider: anonymous 401, another sector 403, the case's sector 200, and every read and
 * refusal in the audit log. The list of endpoints is checked against what the services map, so
 * that an endpoint added without joining this test fails it.
 */
class PersonalDataAccessIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static RunningStack stack;
    static String reference;
    static String attachmentId;
    /** The complainant's address: what the DPO's requests are about. */
    static String email;
    /** The complaint's one attachment, a letter whose text the download must give back as sent. */
    static final String LETTER = "Madame, Monsieur,\nje vous demande l'accès à mes données (lettre jointe).\n";

    /** Every endpoint serving a complainant's personal data, per service, by a case in APSF. */
    enum Endpoint {
        COMPLAINT("intake", "GET /api/v1/complaints/{reference}"),
        ATTACHMENT("intake", "GET /api/v1/complaints/{reference}/attachments/{id}"),
        CASE("triage", "GET /api/v1/cases/{reference}"),
        QUEUE("triage", "GET /api/v1/sectors/{code}/queue"),
        MESSAGES("notification", "GET /api/v1/complaints/{reference}/notifications");

        final String service;
        final String mapping;

        Endpoint(String service, String mapping) {
            this.service = service;
            this.mapping = mapping;
        }

        URI uri() {
            String path = mapping.substring(4).replace("{reference}", reference).replace("{code}", "APSF")
                    // the attachment's id is known once the complaint has been read
                    .replace("{id}", attachmentId == null ? "unknown" : attachmentId);
            return stack.service(service).url(path);
        }
    }

    /**
     * Every endpoint that changes a case and answers it, with a valid body: the same rule as the
     * reads (the case's own sector succeeding is proven by the lifecycle tests, and here by the note).
     */
    enum Change {
        TRANSITION("POST /api/v1/cases/{reference}/transitions", "{\"to\": \"UNDER_REVIEW\"}"),
        ASSIGNEE("POST /api/v1/cases/{reference}/assignee", "{\"assignee\": \"agent-num\"}"),
        SECTOR("POST /api/v1/cases/{reference}/sector", "{\"sector\": \"NUM\", \"reason\": \"essai\"}"),
        NOTE("POST /api/v1/cases/{reference}/notes", "{\"text\": \"une note\"}"),
        LEGAL_HOLD("PUT /api/v1/cases/{reference}/legal-hold", "{\"reason\": \"recours pendant\"}"),
        LEGAL_HOLD_LIFTED("DELETE /api/v1/cases/{reference}/legal-hold", "{\"reason\": \"recours rejeté\"}");

        final String mapping;
        final String body;

        Change(String mapping, String body) {
            this.mapping = mapping;
            this.body = body;
        }

        HttpResponse<String> post(String authorization) throws Exception {
            String method = mapping.substring(0, mapping.indexOf(' '));
            HttpRequest.Builder request = HttpRequest.newBuilder(stack.triage.url(
                    mapping.substring(method.length() + 1).replace("{reference}", reference)))
                    .header("Content-Type", "application/json").header("If-Match", "\"1\"")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * The complainant's follow-up: personal data for the holder of the link's token only. A staff
     * token opens nothing there, and a wrong token is a 404 whoever asks, before anything is served.
     */
    enum TokenHolderEndpoint {
        FOLLOW_UP("GET /api/v1/follow-up/{token}", null),
        ANSWER("POST /api/v1/follow-up/{token}/answers", "{\"text\": \"une réponse\"}"),
        WITHDRAWAL("POST /api/v1/follow-up/{token}/withdrawal", "{\"reason\": \"un motif\"}");

        final String mapping;
        final String body;

        TokenHolderEndpoint(String mapping, String body) {
            this.mapping = mapping;
            this.body = body;
        }

        HttpResponse<String> send(String token, String authorization) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(stack.intake.url(
                    mapping.substring(mapping.indexOf(' ') + 1).replace("{token}", token)));
            if (body != null) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * The endpoints over all the caller's sectors rather than one case or sector: another sector's
     * agent is served their own sectors only (200, nothing of APSF's), the auditor refused.
     */
    enum SectorWideEndpoint {
        COUNTS("GET /api/v1/sectors/counts", ""),
        SEARCH("GET /api/v1/cases", "?q=Jeanne%20Dupont&size=200");

        final String mapping;
        final String query;

        SectorWideEndpoint(String mapping, String query) {
            this.mapping = mapping;
            this.query = query;
        }

        URI uri() {
            return stack.triage.url(mapping.substring(4) + query);
        }

        /** What the APSF staff see and another sector's do not: the complaint's reference, or APSF's counts. */
        String apsfOnly() {
            return this == SEARCH ? reference : "\"APSF\"";
        }
    }

    /**
     * The DPO's endpoints, about the complainant's address: served to the DPO alone, and each service's
     * part too (triage asks for them with the DPO's own token).
     */
    enum DpoEndpoint {
        ACCESS("triage", "GET /api/v1/data-subjects", "?email={email}"),
        INTAKE_PART("intake", "GET /api/v1/data-subjects/part", "?email={email}"),
        INTAKE_FILE("intake", "GET /api/v1/data-subjects/part/{reference}/files/{id}", "?email={email}"),
        NOTIFICATION_PART("notification", "GET /api/v1/data-subjects/part", "?email={email}&reference={reference}");

        final String service;
        final String mapping;
        final String query;

        DpoEndpoint(String service, String mapping, String query) {
            this.service = service;
            this.mapping = mapping;
            this.query = query;
        }

        URI uri() {
            return stack.service(service).url((mapping.substring(4) + query).replace("{reference}", reference)
                    .replace("{id}", attachmentId).replace("{email}", email));
        }
    }

    /** The API endpoints that serve no complainant's data to staff: public, or the auditor's. */
    static final Set<String> OTHER_API_ENDPOINTS = Set.of("intake POST /api/v1/complaints",
            "triage GET /api/v1/audit", "triage GET /api/v1/retention/eliminations",
            "triage GET /api/v1/retention/eliminations/{runId}", "triage POST /api/v1/data-subjects/erasure");

    @BeforeAll
    static void fileAComplaintRoutedToApsf() throws Exception {
        stack = RunningStack.get();
        String complaint = """
                {"complainant": {"type": "PERSON", "name": "Jeanne Dupont", "email": "jeanne-%s@example.org",
                   "postalAddress": {"street": "3 rue des Lilas", "postalCode": "75011", "city": "Paris", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Caisse primaire d'assurance maladie", "type": "PUBLIC_BODY", "activity": "sécurité sociale"},
                 "category": "ACCESS_RIGHT", "subject": "Pas de réponse à ma demande d'accès",
                 "facts": "J'ai écrit deux fois sans réponse."}""".formatted(UUID.randomUUID());
        email = json.readTree(complaint).at("/complainant/email").asString();
        reference = fileWithAttachment(complaint);
        // every service learns the case's sector from the events: wait until each has
        attachmentId = json.readTree(await().atMost(Duration.ofSeconds(60)).until(
                () -> get(Endpoint.COMPLAINT.uri(), bearer("agent-apsf")), r -> r.statusCode() == 200).body())
                .at("/attachments/0/id").asString();
        for (Endpoint endpoint : Endpoint.values()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> get(endpoint.uri(), bearer("agent-apsf")).statusCode() == 200);
        }
    }

    /** The complaint as multipart/form-data, with {@link #LETTER} as a text file. */
    static String fileWithAttachment(String complaint) throws Exception {
        return stack.fileComplaint(new Multipart().json("complaint", complaint)
                .file("attachments", "lettre d'accès.txt", "text/plain", LETTER.getBytes(StandardCharsets.UTF_8)));
    }

    static String bearer(String username) {
        return ApiCalls.bearer(tokens, username);
    }

    static HttpResponse<String> get(URI uri, String authorization) throws Exception {
        return ApiCalls.get(uri, authorization);
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as("%s", response.uri()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("Jeanne", "Dupont", "Lilas");
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(Endpoint.values());
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void shouldAskAnonymousCallersToSignIn(Endpoint endpoint) throws Exception {
        HttpResponse<String> response = get(endpoint.uri(), null);

        assertProblem(response, 401, "/problems/unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void shouldRefuseAnAgentOfAnotherSector(Endpoint endpoint) throws Exception {
        assertProblem(get(endpoint.uri(), bearer("agent-num")), 403, "/problems/forbidden");
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void shouldRefuseTheAuditorComplaintContent(Endpoint endpoint) throws Exception {
        assertProblem(get(endpoint.uri(), bearer("auditor")), 403, "/problems/forbidden");
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void shouldRefuseTheDpoComplaintContentInTheOrdinaryWay(Endpoint endpoint) throws Exception {
        assertProblem(get(endpoint.uri(), bearer("dpo")), 403, "/problems/forbidden");
    }

    static Stream<DpoEndpoint> dpoEndpoints() {
        return Stream.of(DpoEndpoint.values());
    }

    @ParameterizedTest
    @MethodSource("dpoEndpoints")
    void shouldServeTheDataSubjectsRequestsToTheDpoAlone(DpoEndpoint endpoint) throws Exception {
        assertProblem(get(endpoint.uri(), null), 401, "/problems/unauthenticated");
        for (String username : List.of("agent-apsf", "head-apsf", "agent-num", "auditor")) {
            assertProblem(get(endpoint.uri(), bearer(username)), 403, "/problems/forbidden");
        }
        HttpResponse<String> served = get(endpoint.uri(), bearer("dpo"));
        assertThat(served.statusCode()).as("%s: %s", endpoint, served.body()).isEqualTo(200);
        assertThat(served.body()).contains(endpoint == DpoEndpoint.INTAKE_FILE ? LETTER : reference);
        assertThat(served.headers().allValues("Cache-Control")).anySatisfy(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void shouldRecordTheDposAnswerWithTheReferencesItConcerns() throws Exception {
        HttpResponse<String> read = get(DpoEndpoint.ACCESS.uri(), bearer("dpo"));
        String readId = read.headers().firstValue("X-Request-Id").orElseThrow();

        JsonNode record = await().atMost(Duration.ofSeconds(30)).until(() -> recordWithRequestId(
                stack.triage.url("/api/v1/audit?actor=dpo&size=200"), readId), r -> r != null);
        assertThat(record.get("action").asString()).isEqualTo("GET /api/v1/data-subjects");
        assertThat(record.get("outcome").asString()).isEqualTo("ALLOWED");
        assertThat(record.get("references").valueStream().map(JsonNode::asString).toList()).containsExactly(reference);
        assertThat(record.at("/actor/roles").valueStream().map(JsonNode::asString).toList()).containsExactly("DPO");
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void shouldServeTheCaseSectorsAgentAndHeadWithoutCaching(Endpoint endpoint) throws Exception {
        for (String username : List.of("agent-apsf", "head-apsf")) {
            HttpResponse<String> response = get(endpoint.uri(), bearer(username));

            assertThat(response.statusCode()).as("%s as %s", endpoint, username).isEqualTo(200);
            assertThat(response.body()).contains(endpoint == Endpoint.ATTACHMENT ? LETTER : reference);
            assertThat(response.headers().allValues("Cache-Control")).anySatisfy(
                    value -> assertThat(value).contains("no-store"));
            assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void shouldRefuseTokensThatAreForgedUnsignedOrMeantForAnotherAudience(Endpoint endpoint) throws Exception {
        String valid = tokens.accessToken("agent-num");
        List<String> refused = List.of(
                withClaims(valid, claims -> claims.putArray("sectors").add("APSF").add("NUM")),
                signedWithAnotherKey(valid),
                unsigned(valid),
                tokens.idToken("agent-apsf"),
                "not-a-jwt");
        for (String token : refused) {
            assertProblem(get(endpoint.uri(), "Bearer " + token), 401, "/problems/unauthenticated");
        }
    }

    static Stream<Change> changes() {
        return Stream.of(Change.values());
    }

    @ParameterizedTest
    @MethodSource("changes")
    void shouldLetNobodyButTheCaseSectorsStaffChangeACase(Change change) throws Exception {
        assertProblem(change.post(null), 401, "/problems/unauthenticated");
        assertProblem(change.post(bearer("agent-num")), 403, "/problems/forbidden");
        assertProblem(change.post(bearer("auditor")), 403, "/problems/forbidden");
        assertProblem(change.post(bearer("dpo")), 403, "/problems/forbidden");
        assertProblem(change.post("Bearer " + unsigned(tokens.accessToken("agent-apsf"))), 401,
                "/problems/unauthenticated");
    }

    @Test
    void shouldLetTheCaseSectorsAgentNoteIt() throws Exception {
        HttpResponse<String> noted = Change.NOTE.post(bearer("agent-apsf"));

        assertThat(noted.statusCode()).isEqualTo(200);
        assertThat(noted.headers().allValues("Cache-Control")).anySatisfy(v -> assertThat(v).contains("no-store"));
    }

    static Stream<TokenHolderEndpoint> tokenHolderEndpoints() {
        return Stream.of(TokenHolderEndpoint.values());
    }

    @ParameterizedTest
    @MethodSource("tokenHolderEndpoints")
    void shouldOpenTheFollowUpToNoStaffTokenAndAnswerAWrongLink404(TokenHolderEndpoint endpoint) throws Exception {
        byte[] bits = new byte[32];
        new java.security.SecureRandom().nextBytes(bits);
        String wrong = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        for (String authorization : java.util.Arrays.asList(null, bearer("agent-apsf"), bearer("head-apsf"),
                bearer("auditor"), bearer("dpo"))) {
            HttpResponse<String> response = endpoint.send(wrong, authorization);
            assertProblem(response, 404, "/problems/not-found");
            assertThat(response.headers().allValues("Cache-Control")).anySatisfy(v -> assertThat(v).contains("no-store"));
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
        assertProblem(endpoint.send(reference, bearer("agent-apsf")), 404, "/problems/not-found");
    }

    /** The follow-up's pages (FollowUpPageController): the same rule as its API, for a browser. */
    @ParameterizedTest
    @ValueSource(strings = { "/suivi/{token}", "/suivi/{token}/retrait" })
    void shouldOpenTheFollowUpPagesToNoStaffTokenAndAnswerAWrongLink404(String page) throws Exception {
        byte[] bits = new byte[32];
        new java.security.SecureRandom().nextBytes(bits);
        String wrong = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        for (String token : List.of(wrong, reference)) {
            for (String authorization : java.util.Arrays.asList(null, bearer("agent-apsf"), bearer("head-apsf"),
                    bearer("auditor"), bearer("dpo"))) {
                HttpResponse<String> response = get(stack.intake.url(page.replace("{token}", token)), authorization);
                assertThat(response.statusCode()).as("%s with %s", page, authorization).isEqualTo(404);
                assertThat(response.body()).doesNotContain("Jeanne Dupont", email);
            }
        }
    }

    @Test
    void shouldServeTheAttachmentAsADownloadThatNoBrowserRunsAndRecordIt() throws Exception {
        HttpResponse<String> download = get(Endpoint.ATTACHMENT.uri(), bearer("agent-apsf"));
        String requestId = download.headers().firstValue("X-Request-Id").orElseThrow();

        assertThat(download.body()).isEqualTo(LETTER);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
                .contains("filename*=UTF-8''lettre%20d%27acc%C3%A8s.txt");
        assertThat(download.headers().allValues("X-Content-Type-Options")).contains("nosniff");
        JsonNode record = await().atMost(Duration.ofSeconds(30)).until(() -> recordWithRequestId(
                stack.triage.url("/api/v1/audit?reference=" + reference + "&size=200"), requestId), r -> r != null);
        assertThat(record.get("action").asString()).isEqualTo("GET /api/v1/complaints/{reference}/attachments/{id}");
        assertThat(record.get("outcome").asString()).isEqualTo("ALLOWED");
    }

    /**
     * The same file for staff in a browser (the dashboard's case page links there): only after signing
     * in with the provider; a bearer token opens no page. Another sector's agent, signed in, gets a
     * refusal page (DashboardCaseWorkBrowserIntegrationTests).
     */
    @Test
    void shouldSendABrowserToTheProviderBeforeServingAnyFileFromAPage() throws Exception {
        URI page = stack.intake.url(Endpoint.ATTACHMENT.uri().getPath().replace("/api/v1/complaints/", "/cases/"));
        for (String authorization : java.util.Arrays.asList(null, bearer("agent-apsf"))) {
            HttpResponse<String> answer = get(page, authorization);
            assertThat(answer.statusCode()).as("%s with %s", page, authorization).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/oauth2/authorization/saisine"));
            assertThat(answer.body()).doesNotContain(LETTER);
        }
    }

    @Test
    void shouldRefuseATokenOnceItHasExpired() throws Exception {
        URI uri = Endpoint.CASE.uri();
        String shortLived = tokens.shortLivedToken("agent-apsf");
        assertThat(get(uri, "Bearer " + shortLived).statusCode()).as("while valid").isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(uri, "Bearer " + shortLived).statusCode() == 401);
        assertProblem(get(uri, "Bearer " + shortLived), 401, "/problems/unauthenticated");
    }

    @Test
    void shouldLetOnlyTheHeadOfTheCasesSectorSetAndLiftALegalHold() throws Exception {
        assertProblem(Change.LEGAL_HOLD.post(bearer("agent-apsf")), 403, "/problems/forbidden");
        HttpResponse<String> held = Change.LEGAL_HOLD.post(bearer("head-apsf"));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        assertThat(json.readTree(held.body()).get("underLegalHold").asBoolean()).isTrue();
        assertProblem(Change.LEGAL_HOLD_LIFTED.post(bearer("agent-apsf")), 403, "/problems/forbidden");
        HttpResponse<String> lifted = Change.LEGAL_HOLD_LIFTED.post(bearer("head-apsf"));
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
        assertThat(json.readTree(lifted.body()).get("underLegalHold").asBoolean()).isFalse();
    }

    @Test
    void shouldLetOnlyAuditorsReadTheEliminationRecords() throws Exception {
        URI eliminations = stack.triage.url("/api/v1/retention/eliminations");
        assertProblem(get(eliminations, null), 401, "/problems/unauthenticated");
        assertProblem(get(eliminations, bearer("agent-apsf")), 403, "/problems/forbidden");
        assertProblem(get(eliminations, bearer("head-apsf")), 403, "/problems/forbidden");
        assertProblem(get(eliminations, bearer("dpo")), 403, "/problems/forbidden");
        assertThat(get(eliminations, bearer("auditor")).statusCode()).isEqualTo(200);
        URI one = stack.triage.url("/api/v1/retention/eliminations/no-such-run");
        assertProblem(get(one, bearer("agent-apsf")), 403, "/problems/forbidden");
        assertProblem(get(one, bearer("auditor")), 404, "/problems/unknown-run");
    }

    @Test
    void shouldLetOnlyAuditorsReadTheAuditLog() throws Exception {
        URI audit = stack.triage.url("/api/v1/audit?reference=" + reference);
        assertProblem(get(audit, null), 401, "/problems/unauthenticated");
        assertProblem(get(audit, bearer("agent-apsf")), 403, "/problems/forbidden");
        assertProblem(get(audit, bearer("head-apsf")), 403, "/problems/forbidden");
        assertProblem(get(audit, bearer("dpo")), 403, "/problems/forbidden");
        assertThat(get(audit, bearer("auditor")).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRecordEachReadAndRefusalWithWhoWhatAndTheRequestId() throws Exception {
        HttpResponse<String> read = get(Endpoint.CASE.uri(), bearer("agent-apsf"));
        HttpResponse<String> refused = get(Endpoint.COMPLAINT.uri(), bearer("agent-num"));
        HttpResponse<String> refusedByRole = get(Endpoint.MESSAGES.uri(), bearer("auditor"));
        String readId = read.headers().firstValue("X-Request-Id").orElseThrow();
        String refusedId = refused.headers().firstValue("X-Request-Id").orElseThrow();
        String refusedByRoleId = refusedByRole.headers().firstValue("X-Request-Id").orElseThrow();
        URI audit = stack.triage.url("/api/v1/audit?reference=" + reference + "&size=200");

        JsonNode allowed = await().atMost(Duration.ofSeconds(30)).until(() -> recordWithRequestId(audit, readId),
                r -> r != null);
        assertThat(allowed.at("/actor/username").asString()).isEqualTo("agent-apsf");
        assertThat(allowed.at("/actor/name").asString()).isEqualTo("Claire Martin");
        assertThat(allowed.at("/actor/roles").valueStream().map(JsonNode::asString).toList()).containsExactly("AGENT");
        assertThat(allowed.get("service").asString()).isEqualTo("triage-service");
        assertThat(allowed.get("action").asString()).isEqualTo("GET /api/v1/cases/{reference}");
        assertThat(allowed.get("outcome").asString()).isEqualTo("ALLOWED");
        assertThat(allowed.get("references").valueStream().map(JsonNode::asString).toList()).containsExactly(reference);

        JsonNode refusal = await().atMost(Duration.ofSeconds(30)).until(() -> recordWithRequestId(audit, refusedId),
                r -> r != null);
        assertThat(refusal.at("/actor/username").asString()).isEqualTo("agent-num");
        assertThat(refusal.get("service").asString()).isEqualTo("intake-service");
        assertThat(refusal.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(refusal.get("reason").asString()).contains("sectors");

        JsonNode roleRefusal = await().atMost(Duration.ofSeconds(30))
                .until(() -> recordWithRequestId(audit, refusedByRoleId), r -> r != null);
        assertThat(roleRefusal.at("/actor/username").asString()).isEqualTo("auditor");
        assertThat(roleRefusal.get("service").asString()).isEqualTo("notification-service");
        assertThat(roleRefusal.get("outcome").asString()).isEqualTo("REFUSED");
        assertThat(roleRefusal.get("reason").asString()).contains("AUDITOR");

        JsonNode byActor = json.readTree(get(stack.triage.url("/api/v1/audit?actor=agent-num&size=200"),
                bearer("auditor")).body());
        assertThat(byActor.get("records").valueStream().map(r -> r.get("requestId").asString()).toList())
                .contains(refusedId);
    }

    @Test
    void shouldRecordAQueueViewOnceWithTheReferencesShown() throws Exception {
        HttpResponse<String> view = get(Endpoint.QUEUE.uri(), bearer("head-apsf"));
        String viewId = view.headers().firstValue("X-Request-Id").orElseThrow();
        List<String> shown = json.readTree(view.body()).get("cases").valueStream()
                .map(c -> c.get("reference").asString()).toList();

        JsonNode record = await().atMost(Duration.ofSeconds(30)).until(
                () -> recordWithRequestId(stack.triage.url("/api/v1/audit?actor=head-apsf&size=200"), viewId),
                r -> r != null);
        assertThat(record.get("references").valueStream().map(JsonNode::asString).toList())
                .containsExactlyElementsOf(shown).contains(reference);
        assertThat(record.get("action").asString()).isEqualTo("GET /api/v1/sectors/{code}/queue");
    }

    static Stream<SectorWideEndpoint> sectorWideEndpoints() {
        return Stream.of(SectorWideEndpoint.values());
    }

    @ParameterizedTest
    @MethodSource("sectorWideEndpoints")
    void shouldServeTheCallersOwnSectorsOnlyAndNoAuditor(SectorWideEndpoint endpoint) throws Exception {
        HttpResponse<String> anonymous = get(endpoint.uri(), null);
        assertProblem(anonymous, 401, "/problems/unauthenticated");
        assertProblem(get(endpoint.uri(), bearer("auditor")), 403, "/problems/forbidden");
        assertProblem(get(endpoint.uri(), bearer("dpo")), 403, "/problems/forbidden");

        for (String username : List.of("agent-apsf", "head-apsf")) {
            HttpResponse<String> own = await().atMost(Duration.ofSeconds(30))
                    .until(() -> get(endpoint.uri(), bearer(username)), r -> r.body().contains(endpoint.apsfOnly()));
            assertThat(own.statusCode()).as("%s as %s", endpoint, username).isEqualTo(200);
            assertThat(own.headers().allValues("Cache-Control")).anySatisfy(
                    value -> assertThat(value).contains("no-store"));
        }
        // asked once the views hold APSF's case (above), so an absence here is the sector rule, not a lag
        HttpResponse<String> otherSector = get(endpoint.uri(), bearer("agent-num"));
        assertThat(otherSector.statusCode()).isEqualTo(200);
        assertThat(otherSector.body()).doesNotContain(endpoint.apsfOnly());
    }

    @Test
    void shouldRecordASearchOnceWithTheReferencesFound() throws Exception {
        HttpResponse<String> found = await().atMost(Duration.ofSeconds(30)).until(
                () -> get(SectorWideEndpoint.SEARCH.uri(), bearer("head-apsf")), r -> r.body().contains(reference));
        String searchId = found.headers().firstValue("X-Request-Id").orElseThrow();
        List<String> shown = json.readTree(found.body()).get("cases").valueStream()
                .map(c -> c.get("reference").asString()).toList();

        JsonNode record = await().atMost(Duration.ofSeconds(30)).until(
                () -> recordWithRequestId(stack.triage.url("/api/v1/audit?actor=head-apsf&size=200"), searchId),
                r -> r != null);
        assertThat(record.get("references").valueStream().map(JsonNode::asString).toList())
                .containsExactlyElementsOf(shown).contains(reference);
        assertThat(record.get("action").asString()).isEqualTo("GET /api/v1/cases");
    }

    @Test
    void shouldGuardEveryApiEndpointTheServicesMap() throws Exception {
        Set<String> mapped = new TreeSet<>();
        for (String service : List.of("intake", "triage", "notification")) {
            URI actuator = stack.service(service).managementUrl("/actuator/mappings");
            JsonNode mappings = json.readTree(get(actuator, null).body());
            mappings.at("/contexts").forEach(context -> context.at("/mappings/dispatcherServlets/dispatcherServlet")
                    .forEach(handler -> {
                        JsonNode conditions = handler.at("/details/requestMappingConditions");
                        conditions.at("/patterns").forEach(pattern -> {
                            if (pattern.asString().startsWith("/api/")) {
                                conditions.at("/methods").forEach(method -> mapped.add(
                                        service + " " + method.asString() + " " + pattern.asString()));
                            }
                        });
                    }));
        }
        Set<String> covered = new TreeSet<>(OTHER_API_ENDPOINTS);
        for (Endpoint endpoint : Endpoint.values()) {
            covered.add(endpoint.service + " " + endpoint.mapping);
        }
        for (Change change : Change.values()) {
            covered.add("triage " + change.mapping);
        }
        for (SectorWideEndpoint endpoint : SectorWideEndpoint.values()) {
            covered.add("triage " + endpoint.mapping);
        }
        for (TokenHolderEndpoint endpoint : TokenHolderEndpoint.values()) {
            covered.add("intake " + endpoint.mapping);
        }
        for (DpoEndpoint endpoint : DpoEndpoint.values()) {
            covered.add(endpoint.service + " " + endpoint.mapping);
        }
        assertThat(mapped).as("API endpoints mapped by the services; add each new one to this test")
                .isEqualTo(covered);
    }

    private static JsonNode recordWithRequestId(URI audit, String requestId) throws Exception {
        JsonNode page = json.readTree(get(audit, bearer("auditor")).body());
        for (JsonNode record : page.get("records")) {
            if (requestId.equals(record.get("requestId").asString())) {
                return record;
            }
        }
        return null;
    }

    /** The same header and signature around changed claims: what a forger without the key can do. */
    private static String withClaims(String token, java.util.function.Consumer<ObjectNode> change) {
        String[] parts = token.split("\\.");
        ObjectNode claims = (ObjectNode) json.readTree(decode(parts[1]));
        change.accept(claims);
        return parts[0] + "." + encode(json.writeValueAsBytes(claims)) + "." + parts[2];
    }

    /** The genuine header and claims, signed RS256 with a key the provider never had. */
    private static String signedWithAnotherKey(String token) throws Exception {
        String[] parts = token.split("\\.");
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.generateKeyPair().getPrivate());
        String signingInput = parts[0] + "." + parts[1];
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + encode(rsa.sign());
    }

    /** {@code alg: none} and no signature, around the genuine claims. */
    private static String unsigned(String token) {
        String[] parts = token.split("\\.");
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
    }

    private static byte[] decode(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
