package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.saisine.testsupport.ApiCalls;
import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.MimeText;
import fr.saisine.testsupport.Multipart;
import fr.saisine.testsupport.SampleFiles;
import fr.saisine.testsupport.StaffTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The complainant's side through the three running services: the follow-up link from the real
 * acknowledgement email opens the complaint; the answer to the agent's question, with a file, reaches
 * the case, where the agent reads it and downloads the file, and brings a letter; the withdrawal closes the case with its letter;
 * a lost link is mailed again.
 */
class ComplainantFollowUpEndToEndIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static final MailSink mail = MailSink.ofTestServers();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final Pattern LINK = Pattern.compile("(http://\\S+/suivi/)([A-Za-z0-9_-]{43})");
    static RunningStack stack;

    @BeforeAll
    static void theStack() throws Exception {
        stack = RunningStack.get();
    }

    static String aComplaintBy(String email) throws Exception {
        return stack.fileComplaint("""
                {"complainant": {"type": "PERSON", "name": "Jeanne Dupont", "email": "%s",
                   "postalAddress": {"street": "3 rue des Lilas", "postalCode": "75011", "city": "Paris", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Caisse primaire d'assurance maladie", "type": "PUBLIC_BODY", "activity": "sécurité sociale"},
                 "category": "ACCESS_RIGHT", "subject": "Pas de réponse à ma demande d'accès",
                 "facts": "J'ai écrit deux fois sans réponse."}""".formatted(email));
    }

    static String anAddress() {
        return "jeanne-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** The letter to {@code address} whose subject ends so, once it has arrived. */
    static MimeMessage awaitLetter(String address, String subjectEnd) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> mail.messagesTo(address).stream()
                .filter(m -> subject(m).endsWith(subjectEnd)).findFirst().orElse(null), m -> m != null);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The token of the follow-up link in a letter, which must lead to this run's intake. */
    static String tokenIn(MimeMessage letter) throws Exception {
        String text = MimeText.plainText(letter);
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a follow-up link in:%n%s", text).isTrue();
        assertThat(link.group(1)).isEqualTo(stack.intake.url("/suivi/").toString());
        return link.group(2);
    }

    static HttpResponse<String> get(URI uri, String authorization) throws Exception {
        return ApiCalls.get(uri, authorization);
    }

    static HttpResponse<String> post(URI uri, String contentType, String body, String authorization) throws Exception {
        return ApiCalls.post(uri, contentType, body, authorization);
    }

    static String agent() {
        return ApiCalls.bearer(tokens, "agent-apsf");
    }

    static JsonNode theCase(String reference) throws Exception {
        HttpResponse<String> response = get(stack.triage.url("/api/v1/cases/" + reference), agent());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    static void transition(String reference, String body) throws Exception {
        String etag = await().atMost(Duration.ofSeconds(60)).until(() -> get(stack.triage.url("/api/v1/cases/"
                + reference), agent()), r -> r.statusCode() == 200).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> changed = http.send(HttpRequest.newBuilder(stack.triage.url("/api/v1/cases/" + reference
                + "/transitions")).header("Authorization", agent()).header("If-Match", etag)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    static JsonNode followUpOnceIn(String token, String status) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<String> response = get(stack.intake.url("/api/v1/follow-up/" + token), null);
            return response.statusCode() == 200 ? json.readTree(response.body()) : null;
        }, page -> page != null && page.get("status").asString().equals(status));
    }

    @Test
    void shouldFollowAnswerAndWithdrawThroughTheLinkOfTheAcknowledgement() throws Exception {
        String email = anAddress();
        String reference = aComplaintBy(email);
        String token = tokenIn(awaitLetter(email, "Accusé de réception de votre plainte n° " + reference));
        assertThat(token).doesNotContain(reference);

        // the page, as the complainant opens it from the email
        HttpResponse<String> page = await().atMost(Duration.ofSeconds(30))
                .until(() -> get(stack.intake.url("/suivi/" + token), null), r -> r.statusCode() == 200);
        assertThat(page.body()).contains(reference, "Suivre ma plainte", "Accusé de réception");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.headers().allValues("Cache-Control")).anySatisfy(v -> assertThat(v).contains("no-store"));
        JsonNode triaged = followUpOnceIn(token, "TRIAGED");
        assertThat(triaged.get("reference").asString()).isEqualTo(reference);

        // the agent asks; the complainant answers through the link; the agent reads the answer
        transition(reference, "{\"to\": \"UNDER_REVIEW\"}");
        transition(reference, "{\"to\": \"INFORMATION_REQUESTED\", \"question\": \"À quelles dates avez-vous écrit ?\","
                + " \"note\": \"interne : relancer la caisse\"}");
        JsonNode asked = followUpOnceIn(token, "INFORMATION_REQUESTED");
        assertThat(asked.get("question").asString()).isEqualTo("À quelles dates avez-vous écrit ?");
        assertThat(asked.toString()).doesNotContain("relancer la caisse", "agent-apsf", "Claire Martin");

        byte[] proof = SampleFiles.pdf(200_000);
        Multipart withProof = new Multipart().json("answer", "{\"text\": \"Le 3 janvier et le 2 février.\"}")
                .file("attachments", "accusé d'envoi.pdf", "application/pdf", proof);
        HttpResponse<String> answered = http.send(HttpRequest.newBuilder(stack.intake.url("/api/v1/follow-up/" + token
                + "/answers")).header("Content-Type", withProof.contentType()).POST(withProof.publisher()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        JsonNode reviewed = await().atMost(Duration.ofSeconds(60)).until(() -> theCase(reference),
                c -> c.get("status").asString().equals("UNDER_REVIEW") && c.get("history").size() == 5);
        JsonNode answer = reviewed.get("history").get(4);
        assertThat(answer.get("answer").asString()).isEqualTo("Le 3 janvier et le 2 février.");
        assertThat(answer.get("complainant").asString()).isEqualTo("Jeanne Dupont");

        // the file sent with the answer: listed on the case, downloaded intact by the agent, refused to another sector
        JsonNode file = answer.get("attachments").get(0);
        assertThat(file.get("filename").asString()).isEqualTo("accusé d'envoi.pdf");
        assertThat(file.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(file.get("size").asLong()).isEqualTo(proof.length);
        URI download = stack.intake.url("/api/v1/complaints/" + reference + "/attachments/" + file.get("id").asString());
        HttpResponse<byte[]> downloaded = http.send(HttpRequest.newBuilder(download).header("Authorization", agent())
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(proof);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(downloaded.body())))
                .isEqualTo(file.get("sha256").asString());
        assertThat(downloaded.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment;"));
        assertThat(get(download, ApiCalls.bearer(tokens, "agent-num")).statusCode()).isEqualTo(403);
        assertThat(MimeText.plainText(awaitLetter(email, "Votre plainte n° " + reference + " : réponse reçue")))
                .contains(reference, "Nous avons bien reçu");
        HttpResponse<String> again = post(stack.intake.url("/api/v1/follow-up/" + token + "/answers"),
                "application/json", "{\"text\": \"Encore une fois.\"}", null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("type").asString()).isEqualTo("/problems/answer-not-awaited");

        // the withdrawal: a confirmation page, then the case closes with its letter
        HttpResponse<String> confirmation = get(stack.intake.url("/suivi/" + token + "/retrait"), null);
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.body()).contains("Confirmer le retrait de ma plainte");
        HttpResponse<String> withdrawn = post(stack.intake.url("/suivi/" + token + "/retrait"),
                "application/x-www-form-urlencoded", "reason=" + URLEncoder.encode("La caisse m'a répondu.",
                        StandardCharsets.UTF_8), null);
        assertThat(withdrawn.statusCode()).isEqualTo(302);
        HttpResponse<String> twice = post(stack.intake.url("/api/v1/follow-up/" + token + "/withdrawal"),
                "application/json", "{}", null);
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(200);
        assertThat(json.readTree(twice.body()).get("withdrawal").asString()).isEqualTo("ALREADY_REQUESTED");

        JsonNode closed = await().atMost(Duration.ofSeconds(60)).until(() -> theCase(reference),
                c -> c.get("status").asString().equals("CLOSED"));
        assertThat(closed.get("outcome").asString()).isEqualTo("WITHDRAWN");
        assertThat(closed.get("history").get(closed.get("history").size() - 1).get("withdrawalReason").asString())
                .isEqualTo("La caisse m'a répondu.");
        String closing = MimeText.plainText(awaitLetter(email, "Votre plainte n° " + reference + " : décision de clôture"));
        assertThat(closing).contains(reference, "retrait de votre plainte", "pris acte", "clôturée")
                .doesNotContain("Conseil d'État", "terminé l'examen");

        JsonNode followed = followUpOnceIn(token, "CLOSED");
        assertThat(followed.get("outcome").asString()).isEqualTo("WITHDRAWN");
        assertThat(followed.get("validUntil").asString()).isNotBlank();
        assertThat(followed.get("actions").size()).isZero();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json.readTree(get(stack.intake.url(
                "/api/v1/follow-up/" + token), null).body()).get("letters").valueStream()
                .map(l -> l.get("kind").asString()).toList())
                .contains("ACKNOWLEDGEMENT", "UNDER_REVIEW", "INFORMATION_REQUESTED", "ANSWER_RECEIVED", "CLOSED"));
    }

    @Test
    void shouldMailAWorkingLinkToWhoeverLostTheirsAndTheSameAnswerToAStranger() throws Exception {
        String email = anAddress();
        String reference = aComplaintBy(email);
        String first = tokenIn(awaitLetter(email, "Accusé de réception de votre plainte n° " + reference));

        URI form = stack.intake.url("/suivi/lien-perdu");
        HttpResponse<String> matching = post(form, "application/x-www-form-urlencoded", "reference=" + reference
                + "&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8), null);
        String stranger = anAddress();
        HttpResponse<String> other = post(form, "application/x-www-form-urlencoded", "reference=" + reference
                + "&email=" + URLEncoder.encode(stranger, StandardCharsets.UTF_8), null);
        assertThat(List.of(matching.statusCode(), other.statusCode())).containsOnly(302);
        assertThat(other.headers().firstValue("Location")).isEqualTo(matching.headers().firstValue("Location"));

        String fresh = tokenIn(awaitLetter(email, "Votre plainte n° " + reference + " : votre lien de suivi"));
        assertThat(fresh).isNotEqualTo(first);
        assertThat(followUpOnceIn(fresh, "TRIAGED").get("reference").asString()).isEqualTo(reference);
        assertThat(get(stack.intake.url("/api/v1/follow-up/" + first), null).statusCode()).isEqualTo(200);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .untilAsserted(() -> assertThat(mail.messagesTo(stranger)).isEmpty());
    }
}
