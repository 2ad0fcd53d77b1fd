package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;

/**
 * Signing in to the dashboard as a person does, in a real headless browser, through the real
 * provider's login page: the dashboard shows the agent their sectors only, refuses another
 * sector's case, and the sign-out ends the provider's session too.
 */
class DashboardSignInBrowserIntegrationTests {

    static final HttpClient http = HttpClient.newHttpClient();
    static RunningStack stack;
    static String apsfCase;
    WebDriver browser;

    @BeforeAll
    static void anApsfCase() throws Exception {
        stack = RunningStack.get();
        String complaint = """
                {"complainant": {"type": "PERSON", "name": "Paul Durand", "email": "paul-%s@example.org",
                   "postalAddress": {"street": "8 rue Haute", "postalCode": "44000", "city": "Nantes", "country": "FR"},
                   "residence": "METROPOLITAN_FRANCE"},
                 "respondent": {"name": "Mairie de Nantes", "type": "PUBLIC_BODY", "activity": "commune"},
                 "category": "VIDEO_SURVEILLANCE", "subject": "Caméra filmant mon jardin",
                 "facts": "Une caméra municipale filme l'intérieur de mon jardin."}""".formatted(UUID.randomUUID());
        apsfCase = stack.fileComplaint(complaint);
        String token = StaffTokens.ofTestServers().accessToken("agent-apsf");
        await().atMost(Duration.ofSeconds(60)).until(() -> http.send(HttpRequest.newBuilder(
                stack.triage.url("/api/v1/cases/" + apsfCase)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    @BeforeEach
    void openABrowser() throws Exception {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void closeIt() {
        browser.quit();
    }

    String dashboard() {
        return stack.triage.url("/").toString();
    }

    void signInAs(String username) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(username);
        browser.findElement(By.id("kc-login")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().startsWith(dashboard()));
    }

    boolean onTheProvidersLoginPage() {
        return browser.getCurrentUrl().startsWith(TestServers.addresses().oidcIssuer())
                && !browser.findElements(By.id("kc-login")).isEmpty();
    }

    @Test
    void shouldSignInThroughTheProviderShowOnlyTheAgentsSectorAndSignOutForGood() throws Exception {
        browser.get(dashboard());
        await().atMost(Duration.ofSeconds(30)).until(this::onTheProvidersLoginPage);
        HeadlessChromium.screenshot(browser, "sign-in");

        signInAs("agent-apsf");

        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("Claire Martin", "Affaires publiques, sociales et financières", apsfCase)
                .doesNotContain("Numérique", "Affaires économiques");
        HeadlessChromium.screenshot(browser, "dashboard-agent-apsf");

        browser.findElement(By.linkText(apsfCase)).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(apsfCase);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Mairie de Nantes", "public-bodies");
        HeadlessChromium.screenshot(browser, "case-page");

        browser.findElement(By.xpath("//button[normalize-space()='Se déconnecter']")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().endsWith("/signed-out"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("déconnecté");

        browser.get(dashboard());
        await("the provider asks for the password again: its session ended").atMost(Duration.ofSeconds(30))
                .until(this::onTheProvidersLoginPage);
    }

    @Test
    void shouldRefuseAnAgentAnotherSectorsCasePage() throws Exception {
        browser.get(dashboard());
        await().atMost(Duration.ofSeconds(30)).until(this::onTheProvidersLoginPage);
        signInAs("agent-num");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Hugo Bernard", "Numérique")
                .doesNotContain(apsfCase);

        browser.get(stack.triage.url("/cases/" + apsfCase).toString());

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accès refusé");
        assertThat(browser.getPageSource()).doesNotContain("Mairie de Nantes", "Caméra filmant");
    }

    @Test
    void shouldRefuseAnAgentTheChangeFormsOfAnotherSectorsCase() throws Exception {
        browser.get(dashboard());
        await().atMost(Duration.ofSeconds(30)).until(this::onTheProvidersLoginPage);
        signInAs("agent-num");
        // a genuine CSRF token of agent-num's own session: only the sector rule stands in the way
        String csrf = browser.findElement(By.name("_csrf")).getDomAttribute("value");
        String version = http.send(HttpRequest.newBuilder(stack.triage.url("/api/v1/cases/" + apsfCase))
                .header("Authorization", "Bearer " + StaffTokens.ofTestServers().accessToken("agent-apsf")).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow().replace("\"", "");

        for (String form : List.of("transitions?to=UNDER_REVIEW&version=" + version, "notes?text=intrusion",
                "assignee?assignee=agent-num&version=" + version, "sector?sector=NUM&reason=x&version=" + version)) {
            String[] pathAndFields = form.split("\\?");
            Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], {method: 'POST', redirect: 'manual',
                        headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                        body: arguments[1] + '&_csrf=' + encodeURIComponent(arguments[2])})
                        .then(r => done(r.status), e => done('failed: ' + e));""",
                    "/cases/" + apsfCase + "/" + pathAndFields[0], pathAndFields[1], csrf);
            assertThat(status).as("POST /cases/{reference}/%s as agent-num", pathAndFields[0]).isEqualTo(403L);
        }
        String token = StaffTokens.ofTestServers().accessToken("agent-apsf");
        String unchanged = http.send(HttpRequest.newBuilder(stack.triage.url("/api/v1/cases/" + apsfCase))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(unchanged).contains("\"version\":" + version, "\"sector\":{\"code\":\"APSF\"")
                .doesNotContain("intrusion");
    }

    @Test
    void shouldShowTheAuditorTheAuditLog() throws Exception {
        browser.get(dashboard());
        await().atMost(Duration.ofSeconds(30)).until(this::onTheProvidersLoginPage);
        signInAs("auditor");
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("/audit"));

        browser.get(stack.triage.url("/audit?reference=" + apsfCase).toString());

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.tagName("table")).getText()).contains("agent-apsf", apsfCase);
        });
        HeadlessChromium.screenshot(browser, "audit-log");
    }
}
