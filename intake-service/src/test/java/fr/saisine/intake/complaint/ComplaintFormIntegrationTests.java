package fr.saisine.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.model.Filters;

import fr.saisine.testsupport.TestServers;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ComplaintFormIntegrationTests {

    final HttpClient browser = newBrowser();

    static final Pattern TOKEN = Pattern.compile("name=\"submissionToken\" value=\"([^\"]+)\"");
    static final Pattern REFERENCE = Pattern.compile("<p class=\"reference\">(\\d{8})</p>");

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "intake-form");
        // files more complaints than the default rate limit lets one address (the limit has its own test)
        registry.add("saisine.intake.rate-limit", () -> "off");
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination",
                () -> TestServers.uniqueName("complaint-events"));
    }

    static Map<String, String> validForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("complainant.type", "PERSON");
        form.put("complainant.name", "Jeanne Dupont");
        form.put("complainant.email", "jeanne@example.org");
        form.put("complainant.postalAddress.street", "3 rue des Lilas");
        form.put("complainant.postalAddress.postalCode", "97400");
        form.put("complainant.postalAddress.city", "Saint-Denis");
        form.put("complainant.postalAddress.country", "fr");
        form.put("complainant.residence", "OVERSEAS");
        form.put("respondent.name", "Clinique du Port");
        form.put("respondent.type", "COMPANY");
        form.put("respondent.activity", "clinique");
        form.put("category", "HEALTH_DATA");
        form.put("subject", "Dossier médical communiqué à mon employeur");
        form.put("facts", "La clinique a transmis mon dossier.");
        return form;
    }

    HttpResponse<String> showForm() throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String found(Pattern pattern, HttpResponse<String> page) {
        Matcher matcher = pattern.matcher(page.body());
        assertThat(matcher.find()).as("%s in %s", pattern, page.body()).isTrue();
        return matcher.group(1);
    }

    /** The form as shown, filled in with a complaint of its own subject. */
    Map<String, String> filledForm() throws Exception {
        Map<String, String> form = validForm();
        form.put("subject", "Dossier médical " + UUID.randomUUID());
        form.put("submissionToken", found(TOKEN, showForm()));
        return form;
    }

    long storedComplaints(String subject) {
        return mongo.getCollection("complaints").countDocuments(Filters.eq("state.subject", subject));
    }

    /** A session keeps the flash attribute between the form's redirect and the confirmation. */
    static HttpClient newBrowser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    HttpResponse<String> submit(Map<String, String> form) throws Exception {
        return submit(browser, form);
    }

    HttpResponse<String> submit(HttpClient browser, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldShowTheFormWithALabelForEveryField() throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"fr\"", "Déposer une plainte",
                "<label for=\"complainant-email\"", "<label for=\"respondent-name\"", "<label for=\"facts\"",
                "name=\"complainant.representatives[2].email\"");
    }

    @Test
    void shouldSpeakEnglishOnceChosenAndFileTheComplaintInEnglish() throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/?lang=en")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.body()).contains("<html lang=\"en\"", "Make a complaint", "name=\"language\" value=\"en\"",
                "href=\"?lang=fr\" lang=\"fr\" hreflang=\"fr\"").doesNotContain("Déposer une plainte");
        // the choice is remembered: the form sent back with an error answers in English
        Map<String, String> form = validForm();
        form.put("language", "en");
        form.put("subject", "");
        assertThat(submit(form).body()).contains("<html lang=\"en\"", "Give the complaint a subject",
                "The form has <span>1</span> error(s)");

        form.put("subject", "Medical record " + UUID.randomUUID());
        form.put("submissionToken", found(TOKEN, page));
        HttpResponse<String> confirmation = submit(form);
        assertThat(confirmation.body()).contains("Quote this reference in all correspondence");
        assertThat(mongo.getCollection("complaints").find(Filters.eq("state.subject", form.get("subject"))).first())
                .extractingByKey("state").asString().contains("language=en");
    }

    @Test
    void shouldConfirmASubmissionWithItsReference() throws Exception {
        HttpResponse<String> confirmation = submit(validForm());

        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(confirmation.uri().getPath()).isEqualTo("/confirmation");
        assertThat(confirmation.body()).containsPattern("<p class=\"reference\">\\d{8}</p>")
                .contains("Rappelez cette référence dans toute correspondance");
    }

    @Test
    void shouldShowEachErrorBesideItsFieldAndKeepWhatWasTyped() throws Exception {
        Map<String, String> form = validForm();
        form.put("complainant.email", "pas-une-adresse");
        form.put("subject", "");
        form.put("category", "");

        HttpResponse<String> page = submit(form);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<title>Erreur : Déposer une plainte", "role=\"alert\"",
                        "Le formulaire contient <span>3</span> erreur(s)",
                        "id=\"complainant-email-erreur\"", "cette adresse électronique n&#39;est pas valide",
                        "aria-describedby=\"complainant-email-erreur\"", "aria-invalid=\"true\"",
                        "id=\"subject-erreur\"", "donnez un objet à la plainte",
                        "value=\"pas-une-adresse\"", "value=\"Clinique du Port\"", "La clinique a transmis mon dossier.");
        // the summary lists the errors in the order of the form, not of the alphabet
        int start = page.body().indexOf("role=\"alert\"");
        String summary = page.body().substring(start, page.body().indexOf("</ul>", start));
        assertThat(summary).containsSubsequence("#complainant-email", "#category", "#subject");
    }

    @Test
    void shouldSendAReloadedConfirmationBackToTheForm() throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/confirmation")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.uri().getPath()).isEqualTo("/");
        assertThat(page.body()).contains("Déposer une plainte").doesNotContain("class=\"reference\"");
    }

    @Test
    void shouldGiveEachFormShownItsOwnToken() throws Exception {
        HttpResponse<String> first = showForm();
        HttpResponse<String> second = showForm();

        assertThat(found(TOKEN, first)).hasSizeGreaterThanOrEqualTo(22).isNotEqualTo(found(TOKEN, second));
        // the back button may show this very page, token and all, rather than fetch a new one
        assertThat(first.headers().firstValue("Cache-Control")).get().asString()
                .contains("no-cache").doesNotContain("no-store");
    }

    @Test
    void shouldConfirmTheSameComplaintWhenTheFormIsSentAgain() throws Exception {
        Map<String, String> form = filledForm();

        HttpResponse<String> first = submit(form);
        HttpResponse<String> again = submit(form);

        assertThat(again.uri().getPath()).isEqualTo("/confirmation");
        assertThat(found(REFERENCE, again)).isEqualTo(found(REFERENCE, first));
        assertThat(storedComplaints(form.get("subject"))).isEqualTo(1);
    }

    @Test
    void shouldConfirmOneComplaintWhenTheButtonIsClickedThreeTimes() throws Exception {
        Map<String, String> form = filledForm();

        List<Future<HttpResponse<String>>> clicks = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < 3; i++) {
                // each its own session: the browser drops the answer to the click before, cookie included
                clicks.add(pool.submit(() -> submit(newBrowser(), form)));
            }
        }

        List<String> confirmed = new ArrayList<>();
        for (Future<HttpResponse<String>> click : clicks) {
            confirmed.add(found(REFERENCE, click.get()));
        }
        assertThat(confirmed).containsOnly(confirmed.getFirst());
        assertThat(storedComplaints(form.get("subject"))).isEqualTo(1);
    }

    @Test
    void shouldKeepTheTokenWhenTheFormComesBackWithErrors() throws Exception {
        Map<String, String> form = filledForm();
        form.put("facts", "");

        HttpResponse<String> page = submit(form);

        assertThat(found(TOKEN, page)).isEqualTo(form.get("submissionToken"));
    }

    @Test
    void shouldSayThatAFormChangedAfterSendingWasFiledAlready() throws Exception {
        Map<String, String> form = filledForm();
        String reference = found(REFERENCE, submit(form));
        form.put("facts", "La clinique a transmis mon dossier, et mon employeur l'a lu.");

        HttpResponse<String> page = submit(form);

        assertThat(page.uri().getPath()).isEqualTo("/");
        assertThat(page.body()).contains("Ce formulaire a déjà été envoyé", "<strong>" + reference + "</strong>",
                "l&#39;a lu.");
        // sent again, it is another complaint, under a token of its own
        assertThat(found(TOKEN, page)).isNotEqualTo(form.get("submissionToken"));
        assertThat(storedComplaints(form.get("subject"))).isEqualTo(1);
    }
}
