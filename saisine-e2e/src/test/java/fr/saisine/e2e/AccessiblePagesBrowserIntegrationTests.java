package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import fr.saisine.testsupport.MailSink;
import fr.saisine.testsupport.MimeText;
import fr.saisine.testsupport.StaffTokens;

/**
 * RGAA 4.1 / WCAG 2.1 AA in a real headless Chromium: axe-core finds no violation on the public
 * pages (the form in French and in English, the form with errors, the confirmation, the follow-up
 * page from the acknowledgement's link, the lost-link page, the personal data notice and the
 * accessibility declaration in both languages) nor on the staff dashboard and case page; each public
 * page's footer links the declaration and the notice, and the form's short notice stands right before
 * its submit button; and a complaint can be filed with the keyboard alone, in English, which its
 * letters then speak. Saves screenshots under saisine-e2e/target/screenshots (HeadlessChromium).
 */
class AccessiblePagesBrowserIntegrationTests {

    /** What RGAA 4.1 refers to: WCAG 2.1, levels A and AA. */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Pattern LINK = Pattern.compile("(http://\\S+/suivi/)([A-Za-z0-9_-]{43})");
    static final HttpClient http = HttpClient.newHttpClient();
    static final MailSink mail = MailSink.ofTestServers();
    static RunningStack stack;
    WebDriver browser;

    @BeforeAll
    static void theStack() throws Exception {
        stack = RunningStack.get();
    }

    @BeforeEach
    void openABrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeIt() {
        browser.quit();
    }

    @Test
    void shouldFindNoViolationOnTheFormInFrenchAndEnglishNorOnItsErrors() throws Exception {
        browser.get(intake("/?lang=fr"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
        assertNoViolation("the form in French");
        assertPublicFooter("the form in French");
        fullPageScreenshot("form-fr");

        browser.get(intake("/?lang=en"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Make a complaint");
        assertNoViolation("the form in English");
        assertPublicFooter("the form in English");
        fullPageScreenshot("form-en");

        browser.get(intake("/?lang=fr"));
        browser.findElement(By.id("complainant-email")).sendKeys("pas-une-adresse");
        browser.findElement(By.cssSelector("#complaint-form button[type=submit]")).click();
        WebElement summary = await().atMost(Duration.ofSeconds(15)).ignoreExceptions()
                .until(() -> browser.findElement(By.id("erreurs")), e -> e != null);
        // the summary has the focus, each of its links leads to its field, each field says what is wrong
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("erreurs");
        assertThat(summary.findElements(By.tagName("a"))).extracting(a -> a.getAttribute("href"))
                .anySatisfy(href -> assertThat(href).endsWith("#complainant-email"));
        assertThat(browser.findElement(By.id("complainant-email")).getAttribute("aria-describedby"))
                .isEqualTo("complainant-email-erreur");
        assertThat(browser.getTitle()).startsWith("Erreur : ");
        assertNoViolation("the form with errors");
        assertPublicFooter("the form with errors");
        fullPageScreenshot("form-errors");
    }

    @Test
    void shouldFileAComplaintInEnglishWithTheKeyboardAloneAndFollowItOnAccessiblePages() throws Exception {
        String email = "jane-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        browser.get(intake("/?lang=fr"));

        tabTo("a[hreflang=en]");
        press(Keys.ENTER);
        await().atMost(Duration.ofSeconds(15)).until(() -> "en".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));

        // the choices keep their defaults (a person, in metropolitan France); a select takes the first letters of its option
        type("complainant-name", "Jane Doe");
        type("complainant-email", email);
        type("complainant-postalAddress-street", "3 rue des Lilas");
        type("complainant-postalAddress-postalCode", "44000");
        type("complainant-postalAddress-city", "Nantes");
        type("respondent-name", "Mairie de Nantes");
        type("respondent-type", "Public body");
        type("respondent-activity", "commune");
        type("category", "Video");
        type("subject", "A camera films my garden");
        type("facts", "The town hall's camera films my garden.");
        tabTo("#complaint-form button[type=submit]");
        press(Keys.ENTER);

        await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().endsWith("/confirmation"));
        String reference = browser.findElement(By.cssSelector("p.reference")).getText();
        assertThat(reference).matches("\\d{8}");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertNoViolation("the confirmation");
        assertPublicFooter("the confirmation");
        fullPageScreenshot("confirmation-en");

        // chosen in English, written to in English: the acknowledgement and its follow-up link
        MimeMessage acknowledgement = await().atMost(Duration.ofSeconds(90)).until(() -> mail.messagesTo(email).stream()
                .filter(m -> subject(m).equals("Acknowledgement of your complaint no. " + reference)).findFirst()
                .orElse(null), m -> m != null);
        Matcher link = LINK.matcher(MimeText.plainText(acknowledgement));
        assertThat(link.find()).isTrue();
        browser.get(intake("/suivi/" + link.group(2) + "?lang=fr"));
        // the page in French, the letters listed under the subject they were sent with, in English
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(reference, "Courriers qui vous ont été envoyés",
                "Acknowledgement of your complaint no. " + reference);
        assertNoViolation("the follow-up page");
        assertPublicFooter("the follow-up page");
        fullPageScreenshot("follow-up");

        browser.get(intake("/suivi/lien-perdu"));
        assertNoViolation("the lost-link page");
        assertPublicFooter("the lost-link page");

        signInAs("agent-apsf", "/");
        assertNoViolation("the staff dashboard");
        browser.get(triage("/cases/" + awaitCase(reference)));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(reference);
        assertNoViolation("the case page");
    }

    @Test
    void shouldShowTheShortNoticeByTheSubmitButtonAndFindNoViolationOnTheNoticeNorOnTheDeclaration() throws Exception {
        browser.get(intake("/?lang=fr"));
        // the short notice is the element right before the submit button, and opens the full one
        WebElement submit = browser.findElement(By.cssSelector("#complaint-form button[type=submit]"));
        WebElement notice = submit.findElement(By.xpath("preceding-sibling::*[1]"));
        assertThat(notice.getAttribute("id")).isEqualTo("information-donnees");
        assertThat(notice.getText()).contains("Responsable du traitement", "article 6, paragraphe 1, point e) du RGPD",
                "après la clôture de la plainte", "délégué à la protection des données");
        WebElement more = notice.findElement(By.cssSelector("a[href='/donnees-personnelles']"));
        assertThat(more.getAttribute("target")).isEqualTo("_blank");

        for (String language : List.of("fr", "en")) {
            browser.get(intake("/donnees-personnelles?lang=" + language));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .isEqualTo(language.equals("fr") ? "Vos données personnelles" : "Your personal data");
            assertNoViolation("the personal data notice in " + language);
            assertPublicFooter("the personal data notice in " + language);
            fullPageScreenshot("personal-data-" + language);

            browser.get(intake("/accessibilite?lang=" + language));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
            assertThat(browser.findElement(By.tagName("h1")).getText())
                    .isEqualTo(language.equals("fr") ? "Déclaration d'accessibilité" : "Accessibility statement");
            assertNoViolation("the accessibility declaration in " + language);
            assertPublicFooter("the accessibility declaration in " + language);
            fullPageScreenshot("accessibility-" + language);
        }

        // the footer's link leads to the declaration
        browser.get(intake("/donnees-personnelles?lang=fr"));
        browser.findElement(By.cssSelector("#pied-de-page a[href='/accessibilite']")).click();
        await().atMost(Duration.ofSeconds(15)).until(() -> browser.getCurrentUrl().endsWith("/accessibilite"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Déclaration d'accessibilité");
    }

    /** The footer links the accessibility declaration, in the RGAA's words with its status, and the personal data notice. */
    void assertPublicFooter(String page) {
        WebElement footer = browser.findElement(By.id("pied-de-page"));
        boolean french = "fr".equals(browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertThat(footer.findElement(By.cssSelector("a[href='/accessibilite']")).getText()).as("the footer of %s", page)
                .isEqualTo(french ? "Accessibilité : non conforme" : "Accessibility: not compliant");
        assertThat(footer.findElement(By.cssSelector("a[href='/donnees-personnelles']")).getText()).as("the footer of %s", page)
                .isEqualTo(french ? "Données personnelles" : "Personal data");
    }

    /** axe-core's WCAG 2.1 A and AA rules on the page as shown; each violation printed with where and why. */
    void assertNoViolation(String page) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        assertThat(results.isErrored()).as("axe-core ran on %s: %s", page, results.getErrorMessage()).isFalse();
        assertThat(results.getViolations()).as(() -> "accessibility violations on " + page + " ("
                + browser.getCurrentUrl() + "):\n" + describe(results.getViolations())).isEmpty();
    }

    static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> "- " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp()
                + " — " + rule.getHelpUrl() + rule.getNodes().stream()
                        .map(node -> "\n    at " + node.getTarget() + ": " + node.getFailureSummary())
                        .collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }

    /** Tabs forward until the element matching the selector has the focus: it can be reached by keyboard. */
    void tabTo(String cssSelector) {
        WebElement target = browser.findElement(By.cssSelector(cssSelector));
        for (int presses = 0; presses < 120; presses++) {
            if (browser.switchTo().activeElement().equals(target)) {
                return;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("the keyboard never reaches " + cssSelector);
    }

    /** Types into the field with this id, reached by Tab: what a keyboard user does. */
    void type(String id, String text) {
        tabTo("#" + id.replace("[", "\\[").replace("]", "\\]"));
        new Actions(browser).sendKeys(text).perform();
    }

    void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    void signInAs(String username, String path) {
        HeadlessChromium.signIn(browser, triage(path), username);
    }

    /** The case, once triage has routed it to APSF (a town hall's camera): its reference. */
    String awaitCase(String reference) {
        String token = StaffTokens.ofTestServers().accessToken("agent-apsf");
        await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(
                stack.triage.url("/api/v1/cases/" + reference)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return reference;
    }

    String intake(String path) {
        return stack.intake.url(path).toString();
    }

    String triage(String path) {
        return stack.triage.url(path).toString();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    void fullPageScreenshot(String name) throws Exception {
        HeadlessChromium.fullPageScreenshot(browser, name);
    }
}
