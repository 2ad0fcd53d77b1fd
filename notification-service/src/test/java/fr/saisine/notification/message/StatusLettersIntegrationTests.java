package fr.saisine.notification.message;

import static fr.saisine.notification.message.LifecycleFixtures.APSF_NAME;
import static fr.saisine.notification.message.LifecycleFixtures.FRANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import fr.saisine.events.CaseAssigned;
import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplaintStatus;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.EventEnvelope;
import fr.saisine.events.Language;
import fr.saisine.events.Residence;
import fr.saisine.platform.appeal.AppealDeadline;
import fr.saisine.testsupport.EventFixtures;
import fr.saisine.testsupport.KafkaProbe;
import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.MimeText;
import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The letters of a case's lifecycle, from triage's events to the mail server, on the real servers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatusLettersIntegrationTests {

    static final String COMPLAINTS = TestServers.uniqueName("complaint-events");
    static final KafkaProbe kafka = KafkaProbe.ofTestServers();
    static final MailSink mail = MailSink.ofTestServers();
    static final JsonMapper json = JsonMapper.builder().build();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final String ATTENTION = "À l'attention d'Alice Martin et Bruno Petit, co-présidents, Groupe des élus écologistes";

    @Autowired
    MongoTemplate mongo;

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "notification-status");
        registry.add("spring.cloud.stream.bindings.notifyComplainant-in-0.destination", () -> COMPLAINTS);
        registry.add("spring.cloud.stream.bindings.notificationEvents-out-0.destination",
                () -> TestServers.uniqueName("notification-events"));
        registry.add("spring.cloud.stream.kafka.bindings.notifyComplainant-in-0.consumer.dlq-name",
                () -> COMPLAINTS + ".notification.dlq");
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

    /** A complaint filed by the group and routed to APSF, whose agent may read its messages. */
    static void fileAndTriage(String reference, String alice, String bruno, Language language, Residence residence) {
        kafka.send(COMPLAINTS, reference, EventFixtures.json(
                LifecycleFixtures.submitted(reference, alice, bruno, language, residence)));
        kafka.send(COMPLAINTS, reference, EventFixtures.json(EventFixtures.triaged(reference, "APSF", APSF_NAME)));
    }

    static List<MimeMessage> awaitMail(String address, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mail.messagesTo(address), m -> m.size() >= count);
    }

    static MimeMessage withSubject(List<MimeMessage> messages, String subject) throws Exception {
        for (MimeMessage message : messages) {
            if (subject.equals(message.getSubject())) {
                return message;
            }
        }
        throw new AssertionError("no message '" + subject + "'");
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
    void shouldWriteEachStatusLetterOnceToEveryRepresentativeWithTheReferenceAndTheSector() throws Exception {
        String reference = EventFixtures.testReference();
        String alice = address("alice");
        String bruno = address("bruno");
        fileAndTriage(reference, alice, bruno, Language.fr, Residence.METROPOLITAN_FRANCE);
        for (ComplaintStatusChanged change : List.of(
                LifecycleFixtures.change(reference, 2, ComplaintStatus.TRIAGED, ComplaintStatus.UNDER_REVIEW),
                LifecycleFixtures.question(reference, 3, "Depuis quand les caméras sont-elles installées ?"),
                LifecycleFixtures.change(reference, 4, ComplaintStatus.INFORMATION_REQUESTED, ComplaintStatus.UNDER_REVIEW),
                LifecycleFixtures.change(reference, 5, ComplaintStatus.UNDER_REVIEW, ComplaintStatus.INTERVENTION),
                LifecycleFixtures.closed(reference, 6, ClosureOutcome.NO_BREACH, "Merci de votre vigilance."),
                LifecycleFixtures.change(reference, 7, ComplaintStatus.CLOSED, ComplaintStatus.REOPENED),
                LifecycleFixtures.change(reference, 8, ComplaintStatus.REOPENED, ComplaintStatus.UNDER_REVIEW))) {
            kafka.send(COMPLAINTS, reference, EventFixtures.json(change));
        }

        Set<String> subjects = Set.of("Accusé de réception de votre plainte n° " + reference,
                "Votre plainte n° " + reference + " : instruction en cours",
                "Votre plainte n° " + reference + " : demande de précisions",
                "Votre plainte n° " + reference + " : intervention auprès de l'organisme",
                "Votre plainte n° " + reference + " : décision de clôture",
                "Votre plainte n° " + reference + " : réouverture");
        for (String recipient : List.of(alice, bruno)) {
            awaitMail(recipient, subjects.size());
            // the moves back to review bring no letter, and nothing comes twice
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() ->
                    assertThat(mail.messagesTo(recipient)).hasSize(subjects.size()));
            List<MimeMessage> letters = mail.messagesTo(recipient);
            assertThat(letters.stream().map(StatusLettersIntegrationTests::subject).toList())
                    .containsExactlyInAnyOrderElementsOf(subjects);
            for (MimeMessage letter : letters) {
                assertThat(text(letter)).contains(reference, APSF_NAME);
            }
            String question = text(withSubject(letters, "Votre plainte n° " + reference
                    + " : demande de précisions"));
            assertThat(question).contains("Référence : " + reference + " (à rappeler dans toute correspondance)\n"
                    + "Objet : Demande de précisions sur votre plainte « ",
                    ATTENTION + "\n\nMadame, Monsieur les co-présidents du groupe des élus écologistes,")
                    .contains("« Depuis quand les caméras sont-elles installées ? »",
                            "répondez simplement à ce courriel en rappelant la référence " + reference)
                    .contains("Service des plaintes — " + APSF_NAME)
                    .contains("Pour la présidente et par délégation,\n[Chef du service des affaires publiques, "
                            + "sociales et financières — à configurer]\n\n[Nom du signataire — à configurer]");
            String closing = text(withSubject(letters, "Votre plainte n° " + reference + " : décision de clôture"));
            assertThat(closing).contains("n'a pas permis d'établir", "Votre plainte est donc clôturée.",
                    "Merci de votre vigilance.", "Conseil d'État");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode sent = notifications(reference);
            assertThat(sent.valueStream().map(m -> m.get("kind").asString()).toList()).containsExactlyInAnyOrder(
                    "ACKNOWLEDGEMENT", "ACKNOWLEDGEMENT", "UNDER_REVIEW", "UNDER_REVIEW", "INFORMATION_REQUESTED",
                    "INFORMATION_REQUESTED", "INTERVENTION", "INTERVENTION", "CLOSED", "CLOSED", "REOPENED", "REOPENED");
            assertThat(sent.valueStream().map(m -> m.get("status").asString()).toList()).containsOnly("SENT");
            assertThat(sent.valueStream().map(m -> m.get("id").asString()))
                    .contains(reference + ":CLOSED:v6:" + alice, reference + ":CLOSED:v6:" + bruno);
        });
    }

    @ParameterizedTest
    @EnumSource(Residence.class)
    void shouldGiveTheLastDayToAppealFromTheDayTheMailServerTookTheLetterAsAnIndicationOnly(Residence residence)
            throws Exception {
        String reference = EventFixtures.testReference();
        String alice = address("alice");
        String bruno = address("bruno");
        fileAndTriage(reference, alice, bruno, Language.fr, residence);
        kafka.send(COMPLAINTS, reference, EventFixtures.json(new CaseAssigned(reference, 2, LifecycleFixtures.AGENT,
                LifecycleFixtures.AGENT, LifecycleFixtures.APSF, Instant.now())));
        LocalDate before = LocalDate.now(FRANCE);
        kafka.send(COMPLAINTS, reference, EventFixtures.json(
                LifecycleFixtures.closed(reference, 3, ClosureOutcome.REMINDER_OF_OBLIGATIONS, null)));

        for (String recipient : List.of(alice, bruno)) {
            String closing = text(withSubject(awaitMail(recipient, 2),
                    "Votre plainte n° " + reference + " : décision de clôture"));
            LocalDate after = LocalDate.now(FRANCE);
            // the day the mail server took it, between the two; around midnight, either day
            assertThat(Stream.of(before, after).distinct().map(sent -> "remis à notre serveur de messagerie le "
                    + LifecycleFixtures.frenchDate(sent) + ". S'il vous est parvenu ce même jour, le dernier jour pour "
                    + "saisir le Conseil d'État serait le "
                    + LifecycleFixtures.frenchDate(AppealDeadline.lastDay(sent, residence)) + ","))
                    .anyMatch(closing.replace('\n', ' ')::contains);
            assertThat(closing).contains("N/Réf. : APSF/AD/" + reference, "Instruction du dossier : Agnès Durand",
                    "article 58, paragraphe 2, point b)", "article 20, II, de la loi n° 78-17",
                    "Votre plainte est donc clôturée.", "À titre indicatif",
                    "sous réserve de justifier d'un intérêt à agir, vous pouvez contester la présente décision devant "
                            + "le Conseil d'État dans un délai de deux mois à compter de sa notification")
                    .doesNotContain("{{", "intervenue le", "au plus tard");
        }
    }

    @Test
    void shouldAttachTheDecisionAsAPdfHoldingTheReferenceTheSignatoryAndTheAppealClause() throws Exception {
        String reference = EventFixtures.testReference();
        String alice = address("alice");
        String bruno = address("bruno");
        fileAndTriage(reference, alice, bruno, Language.fr, Residence.OVERSEAS);
        kafka.send(COMPLAINTS, reference, EventFixtures.json(LifecycleFixtures.closed(reference, 2,
                ClosureOutcome.REMINDER_OF_OBLIGATIONS, "la réalisation d'une analyse d'impact")));

        for (String recipient : List.of(alice, bruno)) {
            MimeMessage closing = withSubject(awaitMail(recipient, 2),
                    "Votre plainte n° " + reference + " : décision de clôture");
            byte[] pdf = attachment(closing, "decision-" + reference + ".pdf");
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = text(document).replaceAll("\\s+", " ");
                assertThat(text).contains("Référence : " + reference, "Pour la présidente et par délégation",
                        "[Nom du signataire — à configurer]", "Voies et délais de recours",
                        "sous réserve de justifier d'un intérêt à agir", "Conseil d'État",
                        "Terres australes et antarctiques françaises", "la réalisation d'une analyse d'impact")
                        .doesNotContain("À titre indicatif", "{{");
                // PDF/A-2: says so in its metadata, every font embedded
                assertThat(new String(document.getDocumentCatalog().getMetadata().toByteArray(),
                        java.nio.charset.StandardCharsets.UTF_8)).contains("<pdfaid:part>2</pdfaid:part>");
            }
        }
        // and kept with each message: the same bytes as sent
        assertThat(mongo.getCollection("decision_pdfs").countDocuments(
                new org.bson.Document("reference", reference))).isEqualTo(2);
    }

    /** The bytes of the attachment named {@code filename}. */
    static byte[] attachment(MimeMessage message, String filename) throws Exception {
        if (message.getContent() instanceof Multipart multipart) {
            byte[] found = attachment(multipart, filename);
            if (found != null) {
                return found;
            }
        }
        throw new AssertionError("no attachment " + filename);
    }

    private static byte[] attachment(Multipart multipart, String filename) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (filename.equals(part.getFileName())) {
                assertThat(part.getContentType()).startsWith("application/pdf");
                return part.getInputStream().readAllBytes();
            }
            if (part.getContent() instanceof Multipart nested) {
                byte[] found = attachment(nested, filename);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void shouldSendOneClosingLetterWhenTheSameEventIsDeliveredTwice() {
        String reference = EventFixtures.testReference();
        String alice = address("alice");
        String bruno = address("bruno");
        fileAndTriage(reference, alice, bruno, Language.fr, Residence.METROPOLITAN_FRANCE);
        ComplaintStatusChanged closed = LifecycleFixtures.closed(reference, 2, ClosureOutcome.FORMAL_NOTICE, null);
        String once = EventFixtures.json(EventEnvelope.wrap(closed, Instant.now()));
        kafka.send(COMPLAINTS, reference, once);
        kafka.send(COMPLAINTS, reference, once);
        // and again as a relay republishes after a crash: a new envelope around the same change
        kafka.send(COMPLAINTS, reference, EventFixtures.json(closed));

        awaitMail(alice, 2);
        awaitMail(bruno, 2);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
            assertThat(mail.messagesTo(alice)).hasSize(2);
            assertThat(mail.messagesTo(bruno)).hasSize(2);
        });
    }

    @Test
    void shouldSendTheFrenchDecisionThenItsTranslationToAComplainantWhoChoseEnglish() throws Exception {
        String reference = EventFixtures.testReference();
        String alice = address("alice");
        String bruno = address("bruno");
        fileAndTriage(reference, alice, bruno, Language.en, Residence.ABROAD);
        LocalDate before = LocalDate.now(FRANCE);
        kafka.send(COMPLAINTS, reference, EventFixtures.json(
                LifecycleFixtures.closed(reference, 2, ClosureOutcome.REMINDER_OF_OBLIGATIONS, null)));

        String closing = text(withSubject(awaitMail(alice, 2), "Votre plainte n° " + reference
                + " : décision de clôture / Your complaint no. " + reference + ": decision to close (English translation)"));
        LocalDate after = LocalDate.now(FRANCE);

        int french = closing.indexOf("Voies et délais de recours");
        int translation = closing.indexOf("ENGLISH TRANSLATION, for information only: the French text above is the "
                + "authoritative decision.");
        assertThat(french).isPositive().isLessThan(translation);
        assertThat(closing.substring(0, translation)).contains("article 58, paragraphe 2, point b)",
                "Votre plainte est donc clôturée.", "Madame, Monsieur les co-présidents",
                "Service des plaintes — " + APSF_NAME);
        assertThat(closing.substring(translation)).contains("Article 58(2)(b)", "Your complaint is therefore closed.",
                "provided you can show an interest in bringing proceedings", "by two months for people living abroad",
                "Dear Sir or Madam,", "For the President, by delegation");
        assertThat(Stream.of(before, after).distinct().map(sent -> "would be "
                + LifecycleFixtures.englishDate(AppealDeadline.lastDay(sent, Residence.ABROAD))))
                .anyMatch(closing.replace('\n', ' ')::contains);
    }

    @Test
    void shouldTakeNoteOfAWithdrawalWithoutClaimingAnExaminationOrARightOfAppeal() throws Exception {
        String reference = EventFixtures.testReference();
        String alice = address("alice");
        String bruno = address("bruno");
        fileAndTriage(reference, alice, bruno, Language.fr, Residence.METROPOLITAN_FRANCE);
        kafka.send(COMPLAINTS, reference, EventFixtures.json(
                LifecycleFixtures.closed(reference, 2, ClosureOutcome.WITHDRAWN, null)));

        String closing = text(withSubject(awaitMail(alice, 2), "Votre plainte n° " + reference
                + " : décision de clôture"));

        assertThat(closing.replace('\n', ' ')).contains("Vous nous avez fait part du retrait de votre plainte",
                        "nous en avons pris acte, et son examen s'arrête.", "Votre plainte est donc clôturée.")
                .doesNotContain("terminé l'examen", "Conseil d'État", "contester");
    }

    /** The plain text as written: SMTP carries its lines ended by CRLF. */
    static String text(MimeMessage message) {
        return MimeText.plainText(message).replace("\r\n", "\n");
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The PDF's text in reading order, its spaces and line ends made single spaces. */
    static String text(PDDocument pdf) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(pdf);
    }
}
