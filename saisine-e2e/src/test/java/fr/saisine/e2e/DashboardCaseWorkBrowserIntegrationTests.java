package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import fr.saisine.testsupport.Multipart;
import fr.saisine.testsupport.SampleFiles;
import fr.saisine.testsupport.StaffTokens;

/**
 * An agent working a case on the dashboard, in a real headless browser signed in through the real
 * provider: the queue's filters, the case's lifecycle through its forms (each step in the history
 * with the agent's name), the inline error of an incomplete form, a move to another sector, a
 * sector head's assignment, and the page that says the case changed meanwhile instead of
 * overwriting that change.
 */
class DashboardCaseWorkBrowserIntegrationTests {

    static final HttpClient http = HttpClient.newHttpClient();
    static RunningStack stack;
    WebDriver browser;
    Path downloads;

    @BeforeAll
    static void theStack() throws Exception {
        stack = RunningStack.get();
    }

    @BeforeEach
    void openABrowser() throws Exception {
        downloads = Files.createTempDirectory("saisine-downloads");
        browser = HeadlessChromium.start(downloads);
    }

    @AfterEach
    void closeIt() {
        browser.quit();
    }

    @Test
    void shouldTakeReviewRequestInformationAndCloseACaseWithEachStepInItsHistory() throws Exception {
        String reference = fileAnApsfCase("Mairie de Rezé", "Caméra filmant la cour de l'école");
        signInAs("agent-apsf", "/");

        new Select(browser.findElement(By.id("status"))).selectByVisibleText("orientée");
        new Select(browser.findElement(By.id("assignee"))).selectByVisibleText("Personne (non attribuée)");
        new Select(browser.findElement(By.id("category"))).selectByVisibleText("vidéosurveillance");
        browser.findElement(By.xpath("//button[normalize-space()='Appliquer les filtres']")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("status=TRIAGED"));
        assertThat(browser.getCurrentUrl()).contains("assignee=unassigned", "category=VIDEO_SURVEILLANCE");
        assertThat(browser.findElement(By.id("queues")).getText()).contains(reference, "Mairie de Rezé", "non attribuée");
        assertThat(new Select(browser.findElement(By.id("status"))).getFirstSelectedOption().getText()).isEqualTo("orientée");
        fullPageScreenshot("queue-filters");

        browser.findElement(By.id("q")).sendKeys("mairie de reze");
        browser.findElement(By.xpath("//button[normalize-space()='Rechercher']")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("q=mairie"));
        assertThat(browser.findElement(By.id("results")).getText()).contains(reference, "Mairie de Rezé");
        fullPageScreenshot("search");

        browser.findElement(By.linkText(reference)).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(reference);
        assertThat(text()).contains("public-bodies", "Aucun : la saisine est restée dans le secteur choisi par les règles.");
        fullPageScreenshot("case-actions");

        press("Prendre la saisine");
        assertThat(confirmation()).contains("vous est attribuée");
        assertThat(browser.findElement(By.id("case-assignee")).getText()).isEqualTo("Claire Martin (vous)");

        browser.findElement(By.id("to-UNDER_REVIEW-note")).sendKeys("Pièces complètes, instruction ouverte.");
        press("Passer la saisine en cours d'instruction");
        assertThat(confirmation()).contains("« en cours d'instruction »");

        browser.findElement(By.id("to-INFORMATION_REQUESTED-note")).sendKeys("Attendre le plan des caméras.");
        press("Demander un complément au plaignant");
        WebElement summary = browser.findElement(By.id("error-summary"));
        assertThat(summary.getText()).contains("Indiquez la question à poser au plaignant.");
        assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#to-INFORMATION_REQUESTED-question");
        WebElement question = browser.findElement(By.id("to-INFORMATION_REQUESTED-question"));
        assertThat(question.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(question.getAttribute("aria-describedby")).contains("to-INFORMATION_REQUESTED-question-error");
        assertThat(browser.findElement(By.id("to-INFORMATION_REQUESTED-question-error")).getText())
                .contains("Erreur", "Indiquez la question");
        assertThat(browser.findElement(By.id("to-INFORMATION_REQUESTED-note")).getAttribute("value"))
                .isEqualTo("Attendre le plan des caméras.");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("en cours d'instruction");

        question.sendKeys("Pouvez-vous nous envoyer une photographie de la caméra ?");
        press("Demander un complément au plaignant");
        assertThat(confirmation()).contains("« complément demandé au plaignant »");
        assertThat(text()).contains("Question posée au plaignant", "Pouvez-vous nous envoyer une photographie");

        press("Passer la saisine en cours d'instruction");
        assertThat(historyRows()).anySatisfy(row -> assertThat(row).contains("en cours d'instruction", "Claire Martin",
                "Pièces complètes, instruction ouverte."))
                .anySatisfy(row -> assertThat(row).contains("complément demandé au plaignant", "Claire Martin",
                        "Pouvez-vous nous envoyer une photographie de la caméra ?", "Attendre le plan des caméras."))
                .anySatisfy(row -> assertThat(row).contains("orientée", "orientation automatique"));
        assertThat(historyRows().stream().filter(row -> row.contains("en cours d'instruction") && row.contains("Claire Martin")))
                .hasSize(2);

        new Select(browser.findElement(By.id("to-CLOSED-outcome"))).selectByVisibleText("rappel aux obligations");
        browser.findElement(By.id("to-CLOSED-letter")).sendKeys("La commune a retiré la caméra.");
        press("Clôturer la saisine");

        assertThat(confirmation()).contains("« clôturée »", "rappel aux obligations");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("clôturée");
        assertThat(historyRows()).anySatisfy(row -> assertThat(row).contains("clôturée", "Claire Martin",
                "rappel aux obligations", "La commune a retiré la caméra."));
        assertThat(buttons()).contains("Rouvrir la saisine").doesNotContain("Clôturer la saisine", "Transférer la saisine");
        fullPageScreenshot("case-closed");
    }

    @Test
    void shouldShowTheCaseAgainUnchangedByTheAgentWhenSomeoneChangedItSinceThePageWasRead() throws Exception {
        String reference = fileAnApsfCase("Lycée Jules Verne", "Caméras dans les couloirs");
        signInAs("agent-apsf", "/cases/" + reference);
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("orientée");

        changeThroughTheApi(reference, """
                {"to": "UNDER_REVIEW", "note": "Pris en main par téléphone."}""");
        press("Prendre la saisine");

        assertThat(browser.findElement(By.id("stale")).getText()).contains("Ce dossier a été modifié par quelqu'un "
                + "d'autre depuis que vous l'avez ouvert : voici sa version à jour ; votre action n'a pas été appliquée.");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("en cours d'instruction");
        assertThat(browser.findElement(By.id("case-assignee")).getText()).isEqualTo("personne");
        assertThat(historyRows()).anySatisfy(row -> assertThat(row).contains("Pris en main par téléphone."));
        fullPageScreenshot("case-stale");

        press("Prendre la saisine");
        assertThat(confirmation()).contains("vous est attribuée");
        assertThat(browser.findElements(By.id("stale"))).isEmpty();
    }

    @Test
    void shouldSendACaseToAnotherSectorAndSayWhereItWent() throws Exception {
        String reference = fileAnApsfCase("Mairie de Vertou", "Compte de la mairie sur un réseau social");
        signInAs("agent-apsf", "/cases/" + reference);

        new Select(browser.findElement(By.id("move-sector"))).selectByVisibleText("Numérique (NUM)");
        press("Transférer la saisine");
        assertThat(browser.findElement(By.id("error-summary")).getText())
                .contains("Indiquez pourquoi la saisine change de secteur.");
        assertThat(new Select(browser.findElement(By.id("move-sector"))).getFirstSelectedOption().getText())
                .isEqualTo("Numérique (NUM)");

        browser.findElement(By.id("move-reason")).sendKeys("Il s'agit de la page de la mairie sur un réseau social.");
        press("Transférer la saisine");

        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(confirmation()).contains(reference, "Numérique (NUM)", "ne relève plus de vos secteurs");
        assertThat(browser.findElement(By.id("queues")).getText()).doesNotContain(reference);
    }

    @Test
    void shouldLetASectorHeadGiveACaseToAColleagueAndTakeItBack() throws Exception {
        String reference = fileAnApsfCase("Mairie de Clisson", "Vidéosurveillance du marché");
        // Claire Martin works the case through the API first: Saisine has seen her, so she can be assigned
        changeThroughTheApi(reference, """
                {"to": "UNDER_REVIEW"}""");
        signInAs("head-apsf", "/cases/" + reference);

        new Select(browser.findElement(By.id("assign-assignee"))).selectByVisibleText("Claire Martin");
        press("Confier la saisine");
        assertThat(confirmation()).contains("confiée à Claire Martin");
        assertThat(browser.findElement(By.id("case-assignee")).getText()).isEqualTo("Claire Martin");

        press("Retirer la saisine à Claire Martin");
        assertThat(confirmation()).contains("n'est plus attribuée");
        assertThat(browser.findElement(By.id("case-assignee")).getText()).isEqualTo("personne");
    }

    @Test
    void shouldListTheComplaintsFilesOnTheCasePageAndDownloadThemForTheSectorOnly() throws Exception {
        byte[] photo = SampleFiles.pdf(300_000);
        String reference = fileAnApsfCase("Mairie de Vertou", "Caméra filmant l'entrée de la médiathèque",
                new Multipart().file("attachments", "photo de la caméra.pdf", "application/pdf", photo));
        signInAs("agent-apsf", "/cases/" + reference);
        WebElement link = browser.findElement(By.linkText("photo de la caméra.pdf"));
        assertThat(browser.findElement(By.cssSelector("ul.attachments")).getText()).contains("(PDF, 293 ko)");
        fullPageScreenshot("dashboard-case-attachments");

        // the link leads to intake, which signs the agent in through the provider (no password again) and serves the file
        link.click();
        Path saved;
        try {
            saved = await().atMost(Duration.ofSeconds(30)).until(this::downloaded, file -> file != null);
        }
        catch (org.awaitility.core.ConditionTimeoutException none) {
            throw new AssertionError("nothing downloaded; the browser is at " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), none);
        }
        assertThat(saved.getFileName().toString()).isEqualTo("photo de la caméra.pdf");
        assertThat(Files.readAllBytes(saved)).isEqualTo(photo);

        // another sector's agent, signed in, is refused the same address, with a page that says so
        String address = link.getAttribute("href");
        browser.quit();
        browser = HeadlessChromium.start(downloads = Files.createTempDirectory("saisine-downloads"));
        signInAs("agent-num", "/");
        browser.get(address);
        // back from the provider, Spring Security marks the saved request it resumes with "?continue"
        await().atMost(Duration.ofSeconds(30)).until(() -> !browser.findElements(By.tagName("h1")).isEmpty()
                && browser.getCurrentUrl().startsWith(address));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Téléchargement refusé");
        try (var nothing = Files.list(downloads)) {
            assertThat(nothing).isEmpty();
        }
    }

    /** The file the browser has finished saving, if any (Chromium writes a .crdownload until then). */
    Path downloaded() throws Exception {
        try (var files = Files.list(downloads)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".crdownload")).findFirst().orElse(null);
        }
    }

    String fileAnApsfCase(String mairie, String subject) throws Exception {
        return fileAnApsfCase(mairie, subject, null);
    }

    /** An APSF case, with the files in {@code files} (null: none), once triage has opened it. */
    String fileAnApsfCase(String mairie, String subject, Multipart files) throws Exception {
        String complaint = """
                {"complainant": {"type": "PERSON", "name": "Paul Durand", "email": "paul-%s@example.org",
                   "postalAddress": {"street": "8 rue Haute", "postalCode": "44000", "city": "Nantes", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "%s", "type": "PUBLIC_BODY", "activity": "commune"},
                 "category": "VIDEO_SURVEILLANCE", "subject": "%s",
                 "facts": "Les faits de la plainte."}""".formatted(UUID.randomUUID(), mairie, subject);
        String reference = files == null ? stack.fileComplaint(complaint)
                : stack.fileComplaint(files.json("complaint", complaint));
        String token = StaffTokens.ofTestServers().accessToken("agent-apsf");
        await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(
                stack.triage.url("/api/v1/cases/" + reference)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return reference;
    }

    /** A colleague's change through the JSON API, made on the version the API reads now. */
    void changeThroughTheApi(String reference, String transition) throws Exception {
        String token = StaffTokens.ofTestServers().accessToken("agent-apsf");
        HttpResponse<Void> read = http.send(HttpRequest.newBuilder(stack.triage.url("/api/v1/cases/" + reference))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding());
        String etag = read.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> changed = http.send(HttpRequest.newBuilder(
                stack.triage.url("/api/v1/cases/" + reference + "/transitions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("If-Match", etag).POST(HttpRequest.BodyPublishers.ofString(transition)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    }

    void signInAs(String username, String path) {
        HeadlessChromium.signIn(browser, url(path), username);
    }

    String url(String path) {
        return stack.triage.url(path).toString();
    }

    /** Presses the button with exactly this text, as a keyboard user would (focus, then Enter). */
    void press(String label) {
        WebElement button = browser.findElement(By.xpath("//button[normalize-space()=\"" + label + "\"]"));
        WebElement page = browser.findElement(By.tagName("html"));
        button.sendKeys(Keys.ENTER);
        await().atMost(Duration.ofSeconds(15)).until(() -> gone(page));
        await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                .until(() -> !browser.findElements(By.tagName("h1")).isEmpty()
                        && ((JavascriptExecutor) browser).executeScript("return document.readyState").equals("complete"));
    }

    static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        }
        catch (StaleElementReferenceException replaced) {
            return true;
        }
    }

    String confirmation() {
        return browser.findElement(By.className("confirmation")).getText();
    }

    String text() {
        return browser.findElement(By.tagName("main")).getText();
    }

    List<String> historyRows() {
        return browser.findElements(By.cssSelector("table.history tbody tr")).stream().map(WebElement::getText).toList();
    }

    List<String> buttons() {
        return browser.findElements(By.tagName("button")).stream().map(WebElement::getText).toList();
    }

    void fullPageScreenshot(String name) throws Exception {
        HeadlessChromium.fullPageScreenshot(browser, name);
    }
}
