package fr.saisine.notification.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.FollowUpLinkRequested;
import fr.saisine.events.Language;
import fr.saisine.platform.followup.FollowUpTokens;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.MimeText;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each recipient's follow-up link: minted as the letter leaves, in the email only, its hash announced. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FollowUpLinkIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final String NOTIFICATIONS = TestServers.uniqueName("notification-events");
    static final String PAGES = "https://plaintes.example/suivi/";
    static final Pattern LINK = Pattern.compile(Pattern.quote(PAGES) + "([A-Za-z0-9_-]{43})");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final MailSink mail = MailSink.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    static final StaffTokens tokens = StaffTokens.ofTestServers();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification");
        registry.add("spring.cloud.stream.bindings.notifyComplainant-in-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.notificationEvents-out-0.destination", () -> NOTIFICATIONS);
        registry.add("spring.cloud.stream.kafka.bindings.notifyComplainant-in-0.consumer.dlq-name",
                () -> COMPLAINTS + ".notification.dlq");
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination",
                () -> TestServers.uniqueName("audit-events"));
        registry.add("saisine.notification.follow-up.url", () -> PAGES);
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    static String tokenIn(MimeMessage letter) throws Exception {
        Matcher link = LINK.matcher(MimeText.plainText(letter));
        assertThat(link.find()).as("a follow-up link in:%n%s", MimeText.plainText(letter)).isTrue();
        return link.group(1);
    }

    List<MimeMessage> awaitMail(String address, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(address), m -> m.size() >= count);
    }

    List<JsonNode> linksIssued(String reference) {
        return kafka.readAll(NOTIFICATIONS).stream().filter(r -> reference.equals(r.key()))
                .filter(r -> "FollowUpLinkIssued".equals(KafkaProbe.header(r, "saisine_eventType")))
                .map(ConsumerRecord::value).map(json::readTree).toList();
    }

    void fileAndRoute(String reference, String alice, String bruno) {
        kafka.send(COMPLAINTS, reference, EventFixtures.json(
                EventFixtures.submittedByAnOrganisation(reference, alice, bruno, Language.fr)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "APSF",
                "Affaires publiques, sociales et financières")));
    }

    @Test
    void shouldGiveEachRecipientALinkOfTheirOwnAndAnnounceOnlyItsHash() throws Exception {
        String reference = EventFixtures.testReference();
        String alice = address("alice");
        String bruno = address("bruno");
        fileAndRoute(reference, alice, bruno);

        String aliceToken = tokenIn(awaitMail(alice, 1).getFirst());
        String brunoToken = tokenIn(awaitMail(bruno, 1).getFirst());
        assertThat(aliceToken).isNotEqualTo(brunoToken).doesNotContain(reference);

        List<JsonNode> issued = await().atMost(Duration.ofSeconds(20)).until(() -> linksIssued(reference),
                l -> l.size() == 2);
        assertThat(issued).extracting(e -> e.at("/payload/recipient").asString() + " " + e.at("/payload/tokenHash").asString())
                .containsExactlyInAnyOrder(alice + " " + FollowUpTokens.hash(aliceToken),
                        bruno + " " + FollowUpTokens.hash(brunoToken));
        assertThat(kafka.readAll(NOTIFICATIONS).stream().map(ConsumerRecord::value))
                .noneMatch(value -> value.contains(aliceToken) || value.contains(brunoToken));

        HttpResponse<String> kept = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/v1/complaints/" + reference + "/notifications"))
                .header("Authorization", "Bearer " + tokens.accessToken("agent-apsf")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(kept.body()).contains("{{lien-de-suivi}}").doesNotContain(aliceToken, brunoToken);
    }

    @Test
    void shouldMailAFreshLinkToTheAddressThatAskedForOne() throws Exception {
        String reference = EventFixtures.testReference();
        String alice = address("alice");
        String bruno = address("bruno");
        fileAndRoute(reference, alice, bruno);
        String first = tokenIn(awaitMail(alice, 1).getFirst());

        kafka.send(COMPLAINTS, reference, EventFixtures.json(new FollowUpLinkRequested(reference,
                UUID.randomUUID().toString(), alice.toUpperCase(), Instant.now())));

        MimeMessage fresh = awaitMail(alice, 2).get(1);
        assertThat(fresh.getSubject()).isEqualTo("Votre plainte n° " + reference + " : votre lien de suivi");
        assertThat(MimeText.plainText(fresh)).contains("À l'attention d'Alice Martin", "Madame, Monsieur,");
        String second = tokenIn(fresh);
        assertThat(second).isNotEqualTo(first);
        await().atMost(Duration.ofSeconds(20)).until(() -> linksIssued(reference).stream()
                .anyMatch(e -> e.at("/payload/tokenHash").asString().equals(FollowUpTokens.hash(second))));
        assertThat(mail.messagesTo(bruno)).hasSize(1);
    }

    @Test
    void shouldSendNoLinkToAnAddressTheComplaintDoesNotName() {
        String reference = EventFixtures.testReference();
        String alice = address("alice");
        String stranger = address("stranger");
        fileAndRoute(reference, alice, address("bruno"));
        awaitMail(alice, 1);

        kafka.send(COMPLAINTS, reference, EventFixtures.json(new FollowUpLinkRequested(reference,
                UUID.randomUUID().toString(), stranger, Instant.now())));

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(mail.messagesTo(stranger)).isEmpty());
    }
}
