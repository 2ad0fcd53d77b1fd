package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What each kind of page tells the browser: only the service's own scripts and styles, no
 * framing, no referrer to other sites, no sniffing; and no caching where personal data may show.
 */
class BrowserHeadersIntegrationTests {

    static final HttpClient http = HttpClient.newHttpClient();
    static RunningStack stack;

    @BeforeAll
    static void theStack() throws Exception {
        stack = RunningStack.get();
    }

    static HttpResponse<String> page(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void assertHardened(HttpResponse<String> page) {
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).as("CSP of %s", page.uri()).contains("script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void shouldHardenThePublicComplaintForm() throws Exception {
        HttpResponse<String> form = page(stack.intake.url("/"));

        assertThat(form.statusCode()).isEqualTo(200);
        assertHardened(form);
        assertThat(form.body()).as("no inline script or style for the CSP to refuse").doesNotContain("<script>", " style=");
        // the DSFR from intake's own origin, as the CSP requires, under a URL that changes with its content
        Matcher stylesheet = Pattern.compile("href=\"(/dsfr/dsfr\\.min-[0-9a-f]+\\.css)\"").matcher(form.body());
        assertThat(stylesheet.find()).as("the DSFR's stylesheet in %s", form.body()).isTrue();
        HttpResponse<String> dsfr = page(stack.intake.url(stylesheet.group(1)));
        assertThat(dsfr.statusCode()).isEqualTo(200);
        assertThat(dsfr.headers().firstValue("Cache-Control")).get().asString().contains("max-age=31536000");
    }

    @Test
    void shouldHardenTheDashboardsPagesAndCacheNoneOfThem() throws Exception {
        HttpResponse<String> signedOut = page(stack.triage.url("/signed-out"));
        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertHardened(signedOut);
        assertThat(signedOut.headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("the sign-out goes on to the provider").contains("form-action 'self' http://127.0.0.1:18180/");

        HttpResponse<String> dashboard = page(stack.triage.url("/"));
        assertThat(dashboard.statusCode()).as("to sign-in").isEqualTo(302);
        assertHardened(dashboard);
        assertThat(dashboard.headers().allValues("Cache-Control")).anySatisfy(v -> assertThat(v).contains("no-store"));
    }
}
