package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.MailSink;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two of every service on the same databases and topics, as ./saisine up --instances 2 runs them:
 * complaints filed through both intakes get references no other has, each is triaged and
 * acknowledged exactly once, each event is published once (one relay at a time), and a
 * notification-service killed mid-stream leaves its letters to the other, none lost, none doubled.
 */
class TwoInstancesEndToEndIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static final MailSink mail = MailSink.ofTestServers();
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static RunningStack stack;
    static final List<RunningService> seconds = new ArrayList<>();

    @BeforeAll
    static void twoOfEach() throws Exception {
        stack = RunningStack.get();
        for (String name : List.of("intake", "triage", "notification")) {
            seconds.add(stack.startAnother(name));
        }
    }

    @AfterAll
    static void backToOne() throws Exception {
        for (RunningService second : seconds) {
            second.close();
        }
        kafka.close();
    }

    record Filed(String reference, String email) {
    }

    static Filed file(RunningService intake) throws Exception {
        String email = "two-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
        String complaint = """
                {"complainant": {"type": "PERSON", "name": "Camille Durand", "email": "%s",
                   "postalAddress": {"street": "2 rue Neuve", "postalCode": "33000", "city": "Bordeaux", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Banque Exemple", "type": "COMPANY", "activity": "banque"},
                 "category": "ACCESS_RIGHT",
                 "subject": "Accès à mes données refusé",
                 "facts": "La banque ne répond pas à ma demande d'accès."}""".formatted(email);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(intake.url("/api/v1/complaints"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(complaint))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Filed(json.readTree(created.body()).get("reference").asString(), email);
    }

    static List<Filed> fileThroughBoth(int count) throws Exception {
        List<Callable<Filed>> filings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RunningService intake = i % 2 == 0 ? stack.intake : seconds.getFirst();
            filings.add(() -> file(intake));
        }
        List<Filed> filed = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            for (Future<Filed> one : clients.invokeAll(filings)) {
                filed.add(one.get());
            }
        }
        return filed;
    }

    /** Each complainant's acknowledgements, told apart by Message-ID: a letter sent again after a crash is the same letter. */
    static void assertEachAcknowledgedOnce(List<Filed> filed) {
        for (Filed one : filed) {
            List<MimeMessage> letters = await().atMost(Duration.ofSeconds(120))
                    .until(() -> mail.messagesTo(one.email()), m -> !m.isEmpty());
            Set<String> distinct = new HashSet<>();
            for (MimeMessage letter : letters) {
                try {
                    assertThat(letter.getSubject()).contains(one.reference());
                    distinct.add(letter.getMessageID());
                }
                catch (jakarta.mail.MessagingException ex) {
                    throw new IllegalStateException(ex);
                }
            }
            assertThat(distinct).as("letters to %s", one.reference()).hasSize(1);
        }
    }

    @Test
    void complaintsFiledThroughBothIntakesAreEachTriagedAndAcknowledgedOnce() throws Exception {
        List<Filed> filed = fileThroughBoth(40);

        assertThat(filed.stream().map(Filed::reference).distinct()).hasSize(40);
        assertEachAcknowledgedOnce(filed);
        // still one each two seconds later; one look at forty inboxes may take seconds on a loaded machine
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (Filed one : filed) {
                assertThat(mail.messagesTo(one.email())).hasSize(1);
            }
        });
        Set<String> references = filed.stream().map(Filed::reference).collect(Collectors.toSet());
        Map<String, Map<String, Long>> eventsByType = kafka.readAll(stack.complaintEvents).stream()
                .filter(record -> references.contains(record.key()))
                .collect(Collectors.groupingBy(record -> KafkaProbe.header(record, "saisine_eventType"),
                        Collectors.groupingBy(ConsumerRecord::key, Collectors.counting())));
        for (String type : List.of("ComplaintSubmitted", "ComplaintTriaged")) {
            assertThat(eventsByType.get(type)).as(type).hasSize(40)
                    .allSatisfy((reference, published) -> assertThat(published).as("%s of %s", type, reference).isEqualTo(1));
        }
    }

    @Test
    void aNotificationServiceKilledMidStreamLeavesItsLettersToTheOther() throws Exception {
        RunningService secondNotification = seconds.getLast();
        List<Filed> filed = new ArrayList<>();
        try (ExecutorService background = Executors.newSingleThreadExecutor()) {
            Future<List<Filed>> filing = background.submit(() -> fileThroughBoth(30));
            Thread.sleep(1500);
            secondNotification.kill();
            filed.addAll(filing.get());
        }

        assertThat(filed.stream().map(Filed::reference).distinct()).hasSize(30);
        assertEachAcknowledgedOnce(filed);
    }
}
