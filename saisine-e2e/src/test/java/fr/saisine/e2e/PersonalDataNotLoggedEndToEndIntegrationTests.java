package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.saisine.testsupport.ApiCalls;
import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.MimeText;
import fr.saisine.testsupport.StaffTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The logs of the three running services hold references, ids, kinds and counts, never a person:
 * a group's complaint with distinctive names, addresses, emails and free text is filed, triaged,
 * acknowledged, followed through its link (and through links that fail), read by an agent, asked a
 * question the complainant answers, taken to an intervention with a letter paragraph and a note,
 * and closed; then not one of those values, nor a follow-up token, is in any line any service wrote.
 */
class PersonalDataNotLoggedEndToEndIntegrationTests {

    static final JsonMapper json = JsonMapper.builder().build();
    static final HttpClient http = HttpClient.newHttpClient();
    static final MailSink mail = MailSink.ofTestServers();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static final Pattern LINK = Pattern.compile("/suivi/([A-Za-z0-9_-]{43})");
    static RunningStack stack;

    @BeforeAll
    static void theStack() throws Exception {
        stack = RunningStack.get();
    }

    static String agent() {
        return ApiCalls.bearer(tokens, "agent-apsf");
    }

    static void transition(String reference, String body) throws Exception {
        String etag = await().atMost(Duration.ofSeconds(60)).until(() -> ApiCalls.get(stack.triage.url(
                "/api/v1/cases/" + reference), agent()), r -> r.statusCode() == 200).headers().firstValue("ETag")
                .orElseThrow();
        HttpResponse<String> changed = http.send(HttpRequest.newBuilder(stack.triage.url("/api/v1/cases/" + reference
                + "/transitions")).header("Authorization", agent()).header("If-Match", etag)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    static JsonNode awaitStatus(String reference, String status) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(ApiCalls.get(stack.triage.url(
                "/api/v1/cases/" + reference), agent()).body()), c -> c.path("status").asString("").equals(status));
    }

    static MimeMessage awaitLetter(String address, String subjectEnd) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> mail.messagesTo(address).stream()
                .filter(m -> subject(m).endsWith(subjectEnd)).findFirst().orElse(null), m -> m != null);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Every follow-up token in the letters to {@code address}. */
    static Set<String> tokensIn(String address) throws Exception {
        Set<String> found = new LinkedHashSet<>();
        for (MimeMessage letter : mail.messagesTo(address)) {
            Matcher link = LINK.matcher(MimeText.plainText(letter));
            while (link.find()) {
                found.add(link.group(1));
            }
        }
        return found;
    }

    /** A request line Tomcat refuses before any filter runs (a character a URI may not hold): its status. */
    static int rawRequest(String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", stack.intake.url("/").getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void shouldLogNoNameAddressEmailTokenNorFreeTextOfAComplaintInAnyService() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String zephyrine = "zquillmarchetti-" + tag + "@example.org";
        String anatole = "avercpradel-" + tag + "@example.org";
        String group = "kollektif-ximenes-" + tag + "@example.org";
        String stranger = "inconnue-oublieuse-" + tag + "@example.org";
        List<String> distinctive = new ArrayList<>(List.of(
                zephyrine, "zquillmarchetti-" + tag, anatole, "avercpradel-" + tag, group, "kollektif-ximenes-" + tag,
                stranger, "inconnue-oublieuse-" + tag,
                "Zéphyrine Quillebœuf-Marchetti", "Quillebœuf", "Anatole Vercingétorix-Pradel", "Vercingétorix",
                "Amicale Ximénès-Lorquin", "impasse des Hirondelles-Bleuâtres", "Saint-Quirin-sur-Lirette",
                "Théodebert Fouquemberg", "cour intérieure pavée de grès rose", "Caméras braquées sur la cour Lorquin",
                "installées depuis le solstice Brumaire", "Orsolya Kvitko-Brandão", "Ferdinande Oukhtomsky",
                "Berthold Yzerman-Quintal"));
        String reference = stack.fileComplaint("""
                {"complainant": {"type": "ORGANISATION", "name": "Amicale Ximénès-Lorquin", "email": "%s",
                   "representatives": [
                     {"name": "Zéphyrine Quillebœuf-Marchetti", "role": "présidente", "email": "%s"},
                     {"name": "Anatole Vercingétorix-Pradel", "role": "trésorier", "email": "%s"}],
                   "postalAddress": {"street": "17 impasse des Hirondelles-Bleuâtres", "postalCode": "57560",
                     "city": "Saint-Quirin-sur-Lirette", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Commune de Saint-Quirin", "type": "PUBLIC_BODY", "activity": "commune"},
                 "category": "VIDEO_SURVEILLANCE", "subject": "Caméras braquées sur la cour Lorquin",
                 "facts": "Le gardien Théodebert Fouquemberg filme la cour intérieure pavée de grès rose."}"""
                .formatted(group, zephyrine, anatole));

        // acknowledged: each recipient gets a letter with a follow-up link
        MimeMessage acknowledgement = awaitLetter(zephyrine, "Accusé de réception de votre plainte n° " + reference);
        awaitLetter(anatole, "Accusé de réception de votre plainte n° " + reference);
        Matcher link = LINK.matcher(MimeText.plainText(acknowledgement));
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        assertThat(ApiCalls.get(stack.intake.url("/suivi/" + token)).statusCode()).isEqualTo(200);
        assertThat(ApiCalls.get(stack.intake.url("/api/v1/follow-up/" + token)).statusCode()).isEqualTo(200);

        // links that fail: an unknown path under a real token, a well-formed token nobody holds, a request
        // line Tomcat refuses, a malformed upload and a malformed form, each carrying the token or an address
        assertThat(ApiCalls.get(stack.intake.url("/suivi/" + token + "/inconnu")).statusCode()).isEqualTo(404);
        String unknownToken = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
        distinctive.add(unknownToken);
        assertThat(ApiCalls.get(stack.intake.url("/api/v1/follow-up/" + unknownToken)).statusCode()).isEqualTo(404);
        assertThat(rawRequest("/suivi/" + token + "{}")).isEqualTo(400);
        assertThat(ApiCalls.post(stack.intake.url("/api/v1/follow-up/" + token + "/answers"), "multipart/form-data",
                "Berthold Yzerman-Quintal", null).statusCode()).isEqualTo(400);
        assertThat(ApiCalls.post(stack.intake.url("/suivi/lien-perdu"), "application/x-www-form-urlencoded",
                "reference=" + reference + "&email=" + stranger + "%ZZ", null).statusCode()).isEqualTo(400);
        assertThat(ApiCalls.post(stack.intake.url("/api/v1/complaints"), "application/json",
                "{\"complainant\": {\"type\": \"" + stranger + "\"}, \"facts\": \"Berthold Yzerman-Quintal\"}", null)
                .statusCode()).isEqualTo(400);

        // a lost link asked for by a representative and by a stranger
        for (String address : List.of(zephyrine, stranger)) {
            assertThat(ApiCalls.post(stack.intake.url("/suivi/lien-perdu"), "application/x-www-form-urlencoded",
                    "reference=" + reference + "&email=" + URLEncoder.encode(address, StandardCharsets.UTF_8), null)
                    .statusCode()).isEqualTo(302);
        }
        awaitLetter(zephyrine, "Votre plainte n° " + reference + " : votre lien de suivi");

        // staff read the complaint as filed and work the case
        await().atMost(Duration.ofSeconds(60)).until(() -> ApiCalls.get(stack.intake.url("/api/v1/complaints/"
                + reference), agent()).statusCode() == 200);
        transition(reference, "{\"to\": \"UNDER_REVIEW\", \"note\": \"appel de Orsolya Kvitko-Brandão\"}");
        transition(reference, "{\"to\": \"INFORMATION_REQUESTED\", \"question\": "
                + "\"Les caméras sont-elles installées depuis le solstice Brumaire ?\"}");
        awaitStatus(reference, "INFORMATION_REQUESTED");
        await().atMost(Duration.ofSeconds(60)).until(() -> ApiCalls.get(stack.intake.url("/api/v1/follow-up/"
                + token), null).body().contains("INFORMATION_REQUESTED"));
        HttpResponse<String> answered = ApiCalls.post(stack.intake.url("/api/v1/follow-up/" + token + "/answers"),
                "application/json", "{\"text\": \"Oui, installées depuis le solstice Brumaire par Berthold Yzerman-Quintal.\"}",
                null);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        awaitStatus(reference, "UNDER_REVIEW");
        HttpResponse<String> noted = ApiCalls.post(stack.triage.url("/api/v1/cases/" + reference + "/notes"),
                "application/json", "{\"text\": \"Ferdinande Oukhtomsky, voisine, confirme.\"}", agent());
        assertThat(noted.statusCode()).as(noted.body()).isBetween(200, 204);
        transition(reference, "{\"to\": \"INTERVENTION\", \"letter\": "
                + "\"Nous avons interrogé la commune au sujet de la cour intérieure pavée de grès rose.\"}");
        transition(reference, "{\"to\": \"CLOSED\", \"outcome\": \"REMINDER_OF_OBLIGATIONS\", "
                + "\"note\": \"Berthold Yzerman-Quintal informé\"}");
        for (String address : List.of(zephyrine, anatole)) {
            awaitLetter(address, "Votre plainte n° " + reference + " : décision de clôture");
        }

        Set<String> followUpTokens = new LinkedHashSet<>();
        for (String address : List.of(zephyrine, anatole, group)) {
            followUpTokens.addAll(tokensIn(address));
        }
        assertThat(followUpTokens).contains(token);
        distinctive.addAll(followUpTokens);

        // what the letters' outcomes and the audit records make the services log comes within a moment
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        List<String> leaks = new ArrayList<>();
        for (String service : List.of("intake", "triage", "notification")) {
            for (String line : stack.service(service).logLines()) {
                String readable = readable(line).toLowerCase(Locale.ROOT);
                for (String value : distinctive) {
                    if (readable.contains(value.toLowerCase(Locale.ROOT))) {
                        leaks.add(service + " logged '" + value + "' in: " + line);
                    }
                }
            }
        }
        assertThat(leaks).as("log lines with personal data or a follow-up token").isEmpty();
    }

    /** The line as written, then, when it is a JSON object, the text of every value in it (escapes decoded). */
    static String readable(String line) {
        StringBuilder text = new StringBuilder(line);
        if (line.startsWith("{")) {
            try {
                collect(json.readTree(line), text);
            }
            catch (RuntimeException notJson) {
                // a line of the JVM's own, checked as written
            }
        }
        return text.toString();
    }

    private static void collect(JsonNode node, StringBuilder text) {
        if (node.isString()) {
            text.append('\n').append(node.asString());
        }
        for (JsonNode child : node) {
            collect(child, text);
        }
    }
}
