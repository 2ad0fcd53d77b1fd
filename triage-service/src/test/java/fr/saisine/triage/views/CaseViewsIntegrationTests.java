package fr.saisine.triage.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.CaseSummary;
import fr.saisine.events.Category;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.ComplaintTriaged.Sector;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.Priority;
import fr.saisine.events.RespondentType;
import fr.saisine.platform.events.EventJson;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import fr.saisine.triage.cases.web.DashboardFilterAccess;
import fr.saisine.triage.views.domain.CaseViews;
import fr.saisine.triage.views.messaging.CaseViewsFeed;
import fr.saisine.triage.views.messaging.CaseViewsReadiness;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The staff views through real Kafka: fed by the cases' summaries, rebuilt from the topic, ready once caught up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseViewsIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final String AUDIT = TestServers.uniqueName("audit-events");
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Value("${saisine.views.topic}")
    String viewsTopic;

    @Autowired
    CaseViews views;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Autowired
    EventJson eventJson;

    @Autowired
    org.thymeleaf.spring6.SpringTemplateEngine templates;

    @Autowired
    org.springframework.context.ApplicationContext applicationContext;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "triage-views");
        registry.add("spring.cloud.stream.bindings.triageComplaint-in-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination", () -> AUDIT);
        registry.add("spring.cloud.stream.bindings.gatherAuditRecords-in-0.destination", () -> AUDIT);
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    HttpResponse<String> send(HttpRequest.Builder request, String username) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + tokens.accessToken(username)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path, String username) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)),
                username);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    long count(String username, String sector, String status) throws Exception {
        for (JsonNode counts : get("/api/v1/sectors/counts", username).get("sectors")) {
            if (counts.at("/sector/code").asString().equals(sector)) {
                return counts.at("/byStatus/" + status).asLong();
            }
        }
        throw new AssertionError("no counts for " + sector);
    }

    List<String> queue(String sector, String username) throws Exception {
        return get("/api/v1/sectors/" + sector + "/queue?size=200", username).get("cases").valueStream()
                .map(c -> c.get("reference").asString()).toList();
    }

    List<String> search(String text, String username) throws Exception {
        return get("/api/v1/cases?q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8),
                username).get("cases").valueStream().map(c -> c.get("reference").asString()).toList();
    }

    static ComplaintSubmitted byComplainant(String reference, String complainant, String respondent,
            RespondentType type, Category category) {
        ComplaintSubmitted fixture = EventFixtures.submitted(reference, Instant.now(), respondent, type, null, category,
                "Accès refusé");
        var person = fixture.complainant();
        return new ComplaintSubmitted(reference, fixture.submittedAt(),
                new ComplaintSubmitted.Complainant(person.type(), complainant, person.email(), person.representatives(),
                        person.postalAddress(), person.residence()),
                fixture.respondent(), fixture.category(), fixture.subject(), fixture.facts(), fixture.language(),
                fixture.attachments());
    }

    @Test
    void shouldCountQueueAndMoveCasesAsTheirSummariesSay() throws Exception {
        long apsfBefore = count("agent-apsf", "APSF", "TRIAGED");
        long numBefore = count("agent-num", "NUM", "TRIAGED");
        String first = EventFixtures.testReference();
        String second = EventFixtures.testReference();
        kafka.send(COMPLAINTS, first, EventFixtures.json(byComplainant(first, "Hélène Lefèvre", "Mairie de Brest",
                RespondentType.PUBLIC_BODY, Category.ACCESS_RIGHT)));
        kafka.send(COMPLAINTS, second, EventFixtures.json(byComplainant(second, "Marc Martin", "Mairie de Quimper",
                RespondentType.PUBLIC_BODY, Category.ACCESS_RIGHT)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count("agent-apsf", "APSF", "TRIAGED")).isEqualTo(apsfBefore + 2);
            assertThat(queue("APSF", "agent-apsf")).contains(first, second);
        });
        assertThat(queue("NUM", "agent-num")).doesNotContain(first, second);

        HttpResponse<String> moved = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/cases/" + first + "/sector")).header("Content-Type", "application/json")
                .header("If-Match", "\"1\"").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"sector\": \"NUM\", \"reason\": \"le site internet de la mairie\"}")), "agent-apsf");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(queue("NUM", "agent-num")).contains(first);
            assertThat(queue("APSF", "agent-apsf")).doesNotContain(first).contains(second);
            assertThat(count("agent-apsf", "APSF", "TRIAGED")).isEqualTo(apsfBefore + 1);
            assertThat(count("agent-num", "NUM", "TRIAGED")).isEqualTo(numBefore + 1);
        });
        assertThat(views.get(first).version()).isEqualTo(2);
    }

    @Test
    void shouldFindByReferenceComplainantAndOrganisationButNeverAnotherSectorsCase() throws Exception {
        String reference = EventFixtures.testReference();
        String elsewhere = EventFixtures.testReference();
        kafka.send(COMPLAINTS, reference, EventFixtures.json(byComplainant(reference, "Zoé Bénédicte Élouard",
                "Caisse d'Épargne Bretonne", RespondentType.PUBLIC_BODY, Category.ACCESS_RIGHT)));
        kafka.send(COMPLAINTS, elsewhere, EventFixtures.json(byComplainant(elsewhere, "Zoé Bénédicte Élouard",
                "Réseau social Élouard", RespondentType.COMPANY, Category.DELISTING)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(search("ELOUARD", "agent-apsf")).containsExactly(reference));
        assertThat(search(reference.substring(0, 6), "agent-apsf")).contains(reference).doesNotContain(elsewhere);
        assertThat(search("epargne bretonne", "agent-apsf")).containsExactly(reference);
        assertThat(search("zoe benedicte", "agent-num")).containsExactly(elsewhere);
        HttpResponse<String> tooShort = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/cases?q=z")), "agent-apsf");
        assertThat(tooShort.statusCode()).isEqualTo(400);
    }

    @Test
    void shouldRebuildAFreshProjectionEqualToTheFirstAndBeReadyOnlyOnceCaughtUp() throws Exception {
        String reference = EventFixtures.testReference();
        kafka.send(COMPLAINTS, reference, EventFixtures.json(byComplainant(reference, "Jean Valjean",
                "Mairie de Montreuil", RespondentType.PUBLIC_BODY, Category.ACCESS_RIGHT)));
        await().atMost(Duration.ofSeconds(30)).until(() -> views.get(reference) != null);

        CaseViews fresh = new CaseViews();
        try (CaseViewsFeed feed = new CaseViewsFeed(viewsTopic, kafkaAdmin.getConfigurationProperties(), eventJson,
                fresh)) {
            CaseViewsReadiness readiness = new CaseViewsReadiness(feed, fresh);
            assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
            feed.start();
            await().atMost(Duration.ofSeconds(30)).until(feed::caughtUp);
            assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
            assertThat(fresh.size()).isEqualTo(views.size());
            assertThat(fresh.countsBySector()).isEqualTo(views.countsBySector());
            for (String sector : List.of("APSF", "ECO", "NUM", "ACC")) {
                assertThat(fresh.queue(sector, List.of("TRIAGED", "UNDER_REVIEW", "CLOSED"), c -> true, 0, 10_000))
                        .isEqualTo(views.queue(sector, List.of("TRIAGED", "UNDER_REVIEW", "CLOSED"), c -> true, 0, 10_000));
            }
        }
    }

    /**
     * The dashboard's search, as the page renders it (the page itself needs a browser's sign-in:
     * the end-to-end browser tests open it); no queue table beside the results.
     */
    @Test
    void shouldRenderTheSearchResultsOnTheDashboardWithAnAccessibleForm() throws Exception {
        Instant at = Instant.parse("2026-03-02T09:15:27Z");
        var found = new fr.saisine.triage.views.domain.ViewPage(List.of(new CaseSummary("26000042", 3,
                new Sector("APSF", "Affaires publiques"), "UNDER_REVIEW", null, Priority.NORMAL, Category.ACCESS_RIGHT,
                at, "Pas de réponse", "Hélène Lefèvre", "Mairie de Brest", at, null)), 1, 0, 100);
        var staff = new fr.saisine.platform.security.StaffMember("s-1", "agent-apsf", "Claire Martin",
                java.util.Set.of(fr.saisine.platform.security.StaffRole.AGENT), java.util.Set.of("APSF"));
        var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/");
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        var exchange = org.thymeleaf.web.servlet.JakartaServletWebApplication
                .buildApplication(request.getServletContext()).buildExchange(request, response);
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("staff", staff);
        model.put("queues", List.of(new fr.saisine.triage.cases.domain.SectorQueue("APSF", "Affaires publiques", 1,
                new fr.saisine.triage.views.domain.ViewPage(List.of(), 0, 0, 200))));
        model.put("filter", DashboardFilterAccess.empty());
        model.put("colleagues", List.of());
        model.put("path", "/");
        model.put("shownMax", 200);
        model.put("sectorNames", Map.of("APSF", "Affaires publiques"));
        model.put("searchText", "lefevre");
        model.put("found", found);
        model.put(org.thymeleaf.spring6.expression.ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new org.thymeleaf.spring6.expression.ThymeleafEvaluationContext(applicationContext, null));
        String html = templates.process("dashboard", new org.thymeleaf.context.WebContext(exchange,
                java.util.Locale.FRANCE, model));

        assertThat(html).contains("<label for=\"q\">", "id=\"q\" name=\"q\" type=\"search\"", "value=\"lefevre\"",
                "href=\"/cases/26000042\"", "Hélène Lefèvre", "Mairie de Brest", "en cours d&#39;instruction",
                "1</span> saisine(s) trouvée(s)").doesNotContain("id=\"queues\"", "Appliquer les filtres");
    }

    /** The rebuild's pace, from a topic of many summaries (their number: -Dsaisine.views.rebuild=N, 20,000 by default). */
    @Test
    void shouldRebuildManySummariesAndBeDownUntilThen() throws Exception {
        int summaries = Integer.getInteger("saisine.views.rebuild", 20_000);
        String topic = TestServers.uniqueName("case-views-rebuild");
        createTopic(topic, TopicConfig.CLEANUP_POLICY_COMPACT);
        Map<String, Object> config = new java.util.HashMap<>(TestServers.addresses().kafkaClientConfig());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Sector[] sectors = {new Sector("APSF", "Affaires publiques"), new Sector("NUM", "Numérique")};
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < summaries; i++) {
                String reference = "%08d".formatted(30_000_000 + i);
                // two versions of a case in three: what compaction has not merged yet is read too
                for (long version = 1; version <= (i % 3 == 0 ? 2 : 1); version++) {
                    var summary = new CaseSummary(reference, version, sectors[(int) ((i + version) % 2)],
                            version == 1 ? "TRIAGED" : "UNDER_REVIEW", null, Priority.NORMAL, Category.ACCESS_RIGHT,
                            Instant.now(), "Objet " + i, "Plaignant " + i, "Organisme " + i, Instant.now(), null);
                    producer.send(new ProducerRecord<>(topic, reference, EventFixtures.json(
                            EventEnvelope.wrap(summary, Instant.now()))));
                }
            }
            producer.flush();
        }
        CaseViews rebuilt = new CaseViews();
        try (CaseViewsFeed feed = new CaseViewsFeed(topic, kafkaAdmin.getConfigurationProperties(), eventJson,
                rebuilt)) {
            CaseViewsReadiness readiness = new CaseViewsReadiness(feed, rebuilt);
            long start = System.nanoTime();
            feed.start();
            assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20)).until(feed::caughtUp);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("case views rebuilt: %d cases from %d records in %d ms%n", rebuilt.size(),
                    summaries + (summaries + 2) / 3, millis);
            assertThat(rebuilt.size()).isEqualTo(summaries);
            assertThat(rebuilt.counts("APSF").getOrDefault("UNDER_REVIEW", 0L)
                    + rebuilt.counts("NUM").getOrDefault("UNDER_REVIEW", 0L)).isEqualTo((summaries + 2) / 3);
        }
    }

    @Test
    void shouldStayNotReadyOnATopicThatForgetsCasesByAge() throws Exception {
        String topic = TestServers.uniqueName("case-views-deleting");
        createTopic(topic, TopicConfig.CLEANUP_POLICY_DELETE);
        CaseViews held = new CaseViews();
        try (CaseViewsFeed feed = new CaseViewsFeed(topic, kafkaAdmin.getConfigurationProperties(), eventJson, held)) {
            feed.start();
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8)).until(() -> !feed.caughtUp());
            assertThat(new CaseViewsReadiness(feed, held).health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void shouldCreateAMissingTopicCompactedRatherThanLetAReadMakeItWithTheBrokersDefaults() throws Exception {
        String topic = TestServers.uniqueName("case-views-missing");
        CaseViews held = new CaseViews();
        try (CaseViewsFeed feed = new CaseViewsFeed(topic, kafkaAdmin.getConfigurationProperties(), eventJson, held);
                Admin admin = Admin.create(TestServers.addresses().kafkaClientConfig())) {
            feed.start();
            await().atMost(Duration.ofSeconds(30)).until(feed::caughtUp);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    private static void createTopic(String topic, String cleanupPolicy) throws Exception {
        try (Admin admin = Admin.create(TestServers.addresses().kafkaClientConfig())) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy)))).all().get();
        }
    }
}
