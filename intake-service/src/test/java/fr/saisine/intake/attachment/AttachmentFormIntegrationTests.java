package fr.saisine.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mongodb.client.model.Filters;

import fr.saisine.testsupport.Multipart;
import fr.saisine.testsupport.SampleFiles;
import fr.saisine.testsupport.TestServers;

/** The form's file field: files filed with the complaint, or refused beside the field, accessibly. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AttachmentFormIntegrationTests {

    static final Pattern TOKEN = Pattern.compile("name=\"submissionToken\" value=\"([^\"]+)\"");
    final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "intake-form-files");
        // files more complaints than the default rate limit lets one address (the limit has its own test)
        registry.add("saisine.intake.rate-limit", () -> "off");
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination",
                () -> TestServers.uniqueName("complaint-events"));
        registry.add("saisine.intake.attachments.max-file-size", () -> "64KB");
    }

    Map<String, String> filledForm(String subject) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("complainant.type", "PERSON");
        form.put("complainant.name", "Jeanne Dupont");
        form.put("complainant.email", "jeanne@example.org");
        form.put("complainant.postalAddress.street", "3 rue des Lilas");
        form.put("complainant.postalAddress.postalCode", "75011");
        form.put("complainant.postalAddress.city", "Paris");
        form.put("complainant.postalAddress.country", "FR");
        form.put("complainant.residence", "METROPOLITAN_FRANCE");
        form.put("respondent.name", "Banque Exemple");
        form.put("respondent.type", "COMPANY");
        form.put("category", "ACCESS_RIGHT");
        form.put("subject", subject);
        form.put("facts", "J'ai écrit deux fois, sans réponse.");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(page.body());
        assertThat(token.find()).isTrue();
        form.put("submissionToken", token.group(1));
        return form;
    }

    HttpResponse<String> submit(Map<String, String> form, String filename, String type, byte[] file) throws Exception {
        Multipart body = new Multipart();
        form.forEach(body::field);
        body.file("attachments", filename, type, file);
        return browser.send(HttpRequest.newBuilder(uri("/")).header("Content-Type", body.contentType())
                .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void shouldFileTheComplaintWithTheFileChosen() throws Exception {
        String subject = "Pièce jointe " + UUID.randomUUID();

        HttpResponse<String> confirmation = submit(filledForm(subject), "courrier.pdf", "application/pdf",
                SampleFiles.pdf());

        assertThat(confirmation.uri().getPath()).isEqualTo("/confirmation");
        Document stored = mongo.getCollection("complaints").find(Filters.eq("state.subject", subject)).first();
        assertThat(stored).isNotNull();
        List<?> attachments = stored.get("state", Document.class).getList("attachments", Document.class);
        assertThat(attachments).singleElement().satisfies(a -> {
            assertThat(((Document) a).getString("filename")).isEqualTo("courrier.pdf");
            assertThat(((Document) a).getString("contentType")).isEqualTo("application/pdf");
        });
    }

    @Test
    void shouldShowARefusedFileBesideTheFieldAndKeepWhatWasTyped() throws Exception {
        String subject = "Pièce refusée " + UUID.randomUUID();

        HttpResponse<String> page = submit(filledForm(subject), "photo.pdf", "application/pdf", SampleFiles.png());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("href=\"#attachments\">Le fichier « photo.pdf » n&#39;est pas accepté")
                .contains("id=\"attachments-erreur\"")
                .contains("aria-describedby=\"attachments-aide attachments-erreur\"")
                .contains("choisissez-les de nouveau")
                .contains("value=\"" + subject + "\"");
        assertThat(mongo.getCollection("complaints").countDocuments(Filters.eq("state.subject", subject))).isZero();
    }

    @Test
    void shouldNameTheSizeLimitWhenAFileIsTooLarge() throws Exception {
        HttpResponse<String> page = submit(filledForm("Trop gros " + UUID.randomUUID()), "gros.pdf",
                "application/pdf", SampleFiles.pdf(70_000));

        assertThat(page.body()).contains("Le fichier « gros.pdf » dépasse 64 ko");
    }
}
