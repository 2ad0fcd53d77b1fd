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
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.Language;
import fr.saisine.ops.dlq.DeadLetter;
import fr.saisine.ops.dlq.DeadLetters;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.MimeText;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AcknowledgementIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final String NOTIFICATIONS = TestServers.uniqueName("notification-events");
    static final String DEAD_LETTERS = COMPLAINTS + ".notification.dlq";
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final MailSink mail = MailSink.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    static final String APSF = "Affaires publiques, sociales et financières";
    static final StaffTokens tokens = StaffTokens.ofTestServers();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification");
        registry.add("spring.cloud.stream.bindings.notifyComplainant-in-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.notificationEvents-out-0.destination", () -> NOTIFICATIONS);
        registry.add("spring.cloud.stream.kafka.bindings.notifyComplainant-in-0.consumer.dlq-name", () -> DEAD_LETTERS);
        registry.add("spring.cloud.stream.bindings.auditEvents-out-0.destination",
                () -> TestServers.uniqueName("audit-events"));
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    List<MimeMessage> awaitMail(String address) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(address), m -> !m.isEmpty());
    }

    JsonNode notifications(String reference) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + port + "/api/v1/complaints/" + reference + "/notifications"))
                .header("Authorization", "Bearer " + tokens.accessToken("agent-apsf")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void shouldAcknowledgeToEveryRepresentativeQuotingTheReferenceAndTheSector() throws Exception {
        String reference = EventFixtures.testReference();
        String alice = address("alice");
        String bruno = address("bruno");
        kafka.send(COMPLAINTS, reference, EventFixtures.json(
                EventFixtures.submittedByAnOrganisation(reference, alice, bruno, Language.fr)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "APSF", APSF)));

        for (String recipient : List.of(alice, bruno)) {
            MimeMessage letter = awaitMail(recipient).getFirst();
            assertThat(letter.getSubject()).isEqualTo("Accusé de réception de votre plainte n° " + reference);
            assertThat(letter.getHeader("Message-ID")[0]).startsWith("<" + reference + ".ACKNOWLEDGEMENT.");
            assertThat(MimeText.plainText(letter)).contains("référence " + reference, APSF,
                    "Cette référence est à rappeler dans toute correspondance avec nos services.",
                    "Caméras dans les écoles");
        }
        // addressed to each by name, and with the mentions of CRPA R112-5: the service, its addresses, its phone
        assertThat(MimeText.plainText(mail.messagesTo(alice).getFirst()).replace("\r\n", "\n"))
                .contains("À l'attention d'Alice Martin", "\n\nMadame, Monsieur,\n",
                        "Service chargé de votre plainte : [Nom de l'autorité — à configurer], Service des plaintes — " + APSF,
                        "Adresse postale : [Adresse postale — à configurer]",
                        "Adresse électronique : plaintes@saisine.example", "Téléphone : ",
                        "Pour la présidente et par délégation,")
                .doesNotContain("Nous vous écrirons à chaque étape");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode sent = notifications(reference);
            assertThat(sent.valueStream().map(m -> m.get("recipient").asString()).toList())
                    .containsExactlyInAnyOrder(alice, bruno);
            assertThat(sent.valueStream().map(m -> m.get("status").asString()).toList()).containsOnly("SENT");
            assertThat(sent.get(0).get("text").asString()).contains(reference);
            assertThat(Instant.parse(sent.get(0).get("sentAt").asString())).isBefore(Instant.now());
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            // beside each delivery, the hash of the follow-up link it carried (FollowUpLinkIntegrationTests)
            List<ConsumerRecord<String, String>> delivered = kafka.readAll(NOTIFICATIONS).stream()
                    .filter(r -> reference.equals(r.key()))
                    .filter(r -> !"FollowUpLinkIssued".equals(KafkaProbe.header(r, "saisine_eventType"))).toList();
            assertThat(delivered).hasSize(2);
            assertThat(delivered).allMatch(r -> "NotificationDelivered".equals(KafkaProbe.header(r, "saisine_eventType")));
        });
    }

    @Test
    void shouldSendOneAcknowledgementWhenTheSameEventIsDeliveredTwice() {
        String reference = EventFixtures.testReference();
        String alice = address("alice");
        String bruno = address("bruno");
        kafka.send(COMPLAINTS, reference, EventFixtures.json(
                EventFixtures.submittedByAnOrganisation(reference, alice, bruno, Language.fr)));
        ComplaintTriaged triaged = EventFixtures.triaged(reference, "APSF", APSF);
        String once = EventFixtures.json(EventEnvelope.wrap(triaged, Instant.now()));
        kafka.send(COMPLAINTS, reference, once);
        kafka.send(COMPLAINTS, reference, once);
        // and again as a relay republishes after a crash: a new delivery of the same fact
        kafka.send(COMPLAINTS, reference, EventFixtures.json(triaged));

        awaitMail(alice);
        awaitMail(bruno);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(mail.messagesTo(alice)).hasSize(1);
            assertThat(mail.messagesTo(bruno)).hasSize(1);
        });
    }

    @Test
    void shouldWriteInEnglishToAComplainantWhoChoseEnglish() throws Exception {
        String reference = EventFixtures.testReference();
        String alice = address("alice");
        kafka.send(COMPLAINTS, reference, EventFixtures.json(
                EventFixtures.submittedByAnOrganisation(reference, alice, null, Language.en)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "APSF", APSF)));

        MimeMessage letter = awaitMail(alice).getFirst();

        assertThat(letter.getSubject()).isEqualTo("Acknowledgement of your complaint no. " + reference);
        assertThat(MimeText.plainText(letter)).contains("For the attention of Alice Martin", "Dear Sir or Madam,")
                .contains("Please quote this reference in all correspondence");
    }

    @Test
    void shouldDeadLetterALetterForAComplaintItNeverHeardOf() {
        String reference = EventFixtures.testReference();
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "APSF", APSF)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> dead = kafka.readAll(DEAD_LETTERS).stream()
                    .filter(r -> reference.equals(r.key())).toList();
            assertThat(dead).hasSize(1);
            assertThat(KafkaProbe.header(dead.getFirst(), "x-exception-message"))
                    .contains("no correspondent known for complaint " + reference);
        });
    }

    @Test
    void shouldSendTheAcknowledgementWhenItsDeadLetterIsReplayedOnceTheComplaintIsKnown() throws Exception {
        String reference = EventFixtures.testReference();
        String alice = address("alice");
        String bruno = address("bruno");
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "APSF", APSF)));
        try (DeadLetters deadLetters = new DeadLetters(TestServers.addresses().kafkaClientConfig())) {
            DeadLetter dead = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.waiting(DEAD_LETTERS)
                    .stream().filter(letter -> reference.equals(letter.key())).findFirst(), Optional::isPresent)
                    .orElseThrow();

            // the cause is fixed: the complaint arrives; its triage, dead-lettered, is still to be handled
            kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.submittedByAnOrganisation(reference,
                    alice, bruno, Language.fr)));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                    .untilAsserted(() -> assertThat(mail.messagesTo(alice)).isEmpty());

            assertThat(deadLetters.replay(DEAD_LETTERS, List.of(dead.id()))).hasSize(1);
            assertThat(deadLetters.waiting(DEAD_LETTERS)).noneMatch(letter -> reference.equals(letter.key()));
        }

        for (String recipient : List.of(alice, bruno)) {
            assertThat(awaitMail(recipient).getFirst().getSubject()).contains(reference);
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(mail.messagesTo(alice)).hasSize(1));
    }
}
