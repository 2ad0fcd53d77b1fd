package fr.saisine.e2e;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import fr.saisine.testsupport.TestServers;

/**
 * Debian's Chromium and its driver, headless, as {@code ./saisine test} installs them (the paths
 * come from SAISINE_CHROMIUM and SAISINE_CHROMEDRIVER). No browser is downloaded: none can be here.
 */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    static WebDriver start() throws IOException {
        return start(Files.createTempDirectory("saisine-downloads"));
    }

    /** A browser that saves what it downloads into {@code downloads}, without asking. */
    static WebDriver start(Path downloads) throws IOException {
        File browser = new File(System.getenv().getOrDefault("SAISINE_CHROMIUM", "/usr/bin/chromium"));
        File driver = new File(System.getenv().getOrDefault("SAISINE_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!browser.canExecute() || !driver.canExecute()) {
            throw new IllegalStateException("headless Chromium is needed: " + browser + " and " + driver
                    + " (./saisine test installs Debian's chromium and chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=fr-FR",
                "--user-data-dir=" + Files.createTempDirectory("saisine-chromium"));
        // as a French agent's browser: the provider's login page then speaks French
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr",
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().window().setSize(new Dimension(1280, 900));
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return chrome;
    }

    /**
     * Saves what the browser shows as saisine-e2e/target/screenshots/NAME.png, for a person's eyes. Never
     * into docs/: a test run must not change what the repository holds; the README's pictures are
     * copied from here by hand, once looked at.
     */
    static void screenshot(WebDriver browser, String name) throws IOException {
        Path target = TestServers.projectRoot().resolve("saisine-e2e/target/screenshots/" + name + ".png");
        Files.createDirectories(target.getParent());
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Opens {@code url}, which sends the browser to the provider's login page, signs in there as
     * the dev account {@code username} (its password is its name), and waits to be back on {@code url}.
     */
    static void signIn(WebDriver browser, String url, String username) {
        browser.get(url);
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().startsWith(
                TestServers.addresses().oidcIssuer()) && !browser.findElements(By.id("kc-login")).isEmpty());
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(username);
        browser.findElement(By.id("kc-login")).click();
        await().atMost(Duration.ofSeconds(30)).until(() -> browser.getCurrentUrl().startsWith(url));
    }

    /** The whole page, not only what the window shows: the window grows to the page's height for the shot. */
    static void fullPageScreenshot(WebDriver browser, String name) throws IOException {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 150, 6000)));
        screenshot(browser, name);
        browser.manage().window().setSize(before);
    }
}
