package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.MimeText;
import fr.saisine.testsupport.StaffTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed case through the three running services: a group's complaint is routed to APSF, taken
 * under review, the complainants are asked a question (one letter to both co-presidents), the
 * case is closed with a reminder of obligations, and both receive the closing letter with the
 * last day to appeal, later for those living overseas or abroad. And twenty identical changes at
 * once make one change and one letter.
 */
class CaseLifecycleEndToEndIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static final MailSink mail = MailSink.ofTestServers();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    /** The indicative last day the email gives, computed from the day the mail server took it. */
    static final Pattern LAST_DAY = Pattern.compile("le dernier jour pour saisir le Conseil d'État serait le "
            + "(\\d{1,2})(?:er)? (\\p{L}+ \\d{4})");
    static RunningStack stack;

    @BeforeAll
    static void theStack() throws Exception {
        stack = RunningStack.get();
    }

    static String fileAGroupComplaint(String alice, String bruno, String residence) throws Exception {
        String complaint = """
                {"complainant": {"type": "ORGANISATION", "name": "Groupe des élus écologistes",
                   "representatives": [
                     {"name": "Alice Martin", "role": "co-présidente", "email": "%s"},
                     {"name": "Bruno Petit", "role": "co-président", "email": "%s"}],
                   "postalAddress": {"street": "1 place de la Mairie", "postalCode": "97100", "city": "Basse-Terre", "country": "FR"},
                   "residence": "%s"},
                 "respondent": {"name": "Commune de Basse-Terre", "type": "PUBLIC_BODY", "activity": "commune"},
                 "category": "VIDEO_SURVEILLANCE", "subject": "Caméras devant la mairie",
                 "facts": "Des caméras filment l'entrée des logements voisins."}""".formatted(alice, bruno, residence);
        return stack.fileComplaint(complaint);
    }

    static String etagOf(String reference) throws Exception {
        return await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(
                stack.triage.url("/api/v1/cases/" + reference)).header("Authorization", bearer()).build(),
                HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 200).headers().firstValue("ETag")
                .orElseThrow();
    }

    static String bearer() {
        return "Bearer " + tokens.accessToken("agent-apsf");
    }

    static void transition(String reference, String body) throws Exception {
        HttpResponse<String> changed = http.send(HttpRequest.newBuilder(
                stack.triage.url("/api/v1/cases/" + reference + "/transitions")).header("Authorization", bearer())
                .header("If-Match", etagOf(reference)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    /**
     * The one letter to {@code address} whose text holds {@code marker}, once {@code count} letters
     * have arrived: the senders work in parallel, so letters need not arrive in the order written.
     */
    static String awaitLetter(String address, int count, String marker) throws Exception {
        List<String> texts = new ArrayList<>();
        for (MimeMessage letter : awaitLetters(address, count)) {
            texts.add(MimeText.plainText(letter));
        }
        assertThat(texts).filteredOn(t -> t.contains(marker)).as("letters to %s holding '%s'", address, marker)
                .hasSize(1);
        return texts.stream().filter(t -> t.contains(marker)).findFirst().orElseThrow();
    }

    static List<MimeMessage> awaitLetters(String address, int count) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> mail.messagesTo(address), m -> m.size() >= count);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"METROPOLITAN_FRANCE, 2", "OVERSEAS, 3", "ABROAD, 4"})
    void shouldWriteToBothCoPresidentsAtEachStepDownToTheClosingLetterWithItsLastDay(String residence,
            int months) throws Exception {
        String alice = "alice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String bruno = "bruno-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String reference = fileAGroupComplaint(alice, bruno, residence);
        awaitLetters(alice, 1);

        transition(reference, "{\"to\": \"UNDER_REVIEW\"}");
        transition(reference, """
                {"to": "INFORMATION_REQUESTED", "question": "Depuis quand les caméras sont-elles installées ?"}""");
        for (String recipient : List.of(alice, bruno)) {
            assertThat(awaitLetter(recipient, 3, "Depuis quand les caméras sont-elles installées ?"))
                    .contains(reference, "Alice Martin", "Bruno Petit");
        }
        transition(reference, "{\"to\": \"UNDER_REVIEW\"}");
        transition(reference, """
                {"to": "CLOSED", "outcome": "REMINDER_OF_OBLIGATIONS", "note": "Rappel adressé au maire"}""");

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        for (String recipient : List.of(alice, bruno)) {
            String closing = awaitLetter(recipient, 4, "Conseil d'État");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> mail.messagesTo(recipient).size() == 4);
            assertThat(closing).contains(reference, "clôturée", "article 58, paragraphe 2, point b)",
                    "article 20, II, de la loi n° 78-17", "Conseil d'État", "sous réserve de justifier d'un intérêt à agir",
                    "Affaires publiques, sociales et financières", "à rappeler dans toute correspondance",
                    "Madame, Monsieur les co-présidents du groupe des élus écologistes,",
                    "Pour la présidente et par délégation", "À titre indicatif")
                    .doesNotContain("Rappel adressé au maire", "{{");
            Matcher lastDay = LAST_DAY.matcher(closing.replace("\r\n", " ").replace('\n', ' '));
            assertThat(lastDay.find()).as("the last day to appeal, in:%n%s", closing).isTrue();
            LocalDate day = LocalDate.parse(lastDay.group(1) + " " + lastDay.group(2), DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH));
            // délai franc: at least the day after the period's end, then on to a working day (a week at most)
            assertThat(day).isAfter(today.plusMonths(months)).isBefore(today.plusMonths(months).plusDays(8));
            assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
        JsonNode messages = json.readTree(http.send(HttpRequest.newBuilder(
                stack.notification.url("/api/v1/complaints/" + reference + "/notifications"))
                .header("Authorization", bearer()).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(messages.valueStream().map(m -> m.get("kind").asString()).toList()).containsExactlyInAnyOrder(
                "ACKNOWLEDGEMENT", "ACKNOWLEDGEMENT", "UNDER_REVIEW", "UNDER_REVIEW", "INFORMATION_REQUESTED",
                "INFORMATION_REQUESTED", "CLOSED", "CLOSED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(http.send(
                HttpRequest.newBuilder(stack.triage.url("/api/v1/cases/" + reference)).header("Authorization", bearer())
                        .build(), HttpResponse.BodyHandlers.ofString()).body()).get("letters")).hasSize(8));
    }

    @Test
    void shouldSendOneLetterWhenTwentyStaffTakeTheSameCaseUnderReviewAtOnce() throws Exception {
        String alice = "alice-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String bruno = "bruno-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String reference = fileAGroupComplaint(alice, bruno, "METROPOLITAN_FRANCE");
        awaitLetters(bruno, 1);
        String seen = etagOf(reference);
        List<Callable<Integer>> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(() -> http.send(HttpRequest.newBuilder(
                    stack.triage.url("/api/v1/cases/" + reference + "/transitions")).header("Authorization", bearer())
                    .header("If-Match", seen).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"to\": \"UNDER_REVIEW\"}")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : pool.invokeAll(twenty)) {
            statuses.add(status.get());
        }
        pool.shutdown();

        assertThat(statuses).as("statuses %s", statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).as("statuses %s", statuses).filteredOn(s -> s == 412).hasSize(19);
        for (String recipient : List.of(alice, bruno)) {
            awaitLetters(recipient, 2);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                    .until(() -> mail.messagesTo(recipient).size() == 2);
        }
    }
}
