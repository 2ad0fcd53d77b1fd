package fr.saisine.intake.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.HtmlUtils;

import fr.saisine.testsupport.TestServers;

/**
 * The public pages' information: the short notice of GDPR art. 13 by the form's submit button, the
 * full notice with every mention art. 13 asks for (the authority and the periods read from the
 * configuration, set here to values of the test's own), the accessibility declaration of an unaudited
 * site, and the footer's links to both from every page, in French and in English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicPagesIntegrationTests {

    /** The short notice, then nothing but white space before the submit button. */
    static final Pattern NOTICE_THEN_SUBMIT = Pattern.compile(
            "<div class=\"[^\"]*\" id=\"information-donnees\">(.*?)</div>\\s*<button type=\"submit\"", Pattern.DOTALL);

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, "intake-pages");
        registry.add("spring.cloud.stream.bindings.complaintEvents-out-0.destination",
                () -> TestServers.uniqueName("complaint-events"));
        // not the defaults: what the pages say must come from here
        registry.add("saisine.retention.after-closing", () -> "P3Y");
        registry.add("saisine.retention.rate-slots", () -> "PT3H");
        registry.add("saisine.authority.name", () -> "Autorité de contrôle de test");
        registry.add("saisine.authority.short-name", () -> "ACT");
        registry.add("saisine.authority.dpo-contact", () -> "dpo@autorite.example");
        registry.add("saisine.authority.email", () -> "accessibilite@autorite.example");
    }

    @Test
    void shouldShowTheShortNoticeRightBeforeTheSubmitButtonAndLinkTheFullOne() throws Exception {
        String french = shortNotice(get("/?lang=fr"));
        assertThat(french).contains("href=\"/donnees-personnelles\"");
        assertThat(text(french)).contains("Responsable du traitement : Autorité de contrôle de test.",
                "mission d'intérêt public (article 6, paragraphe 1, point e) du RGPD)",
                "L'organisme mis en cause peut apprendre votre identité lorsque l'instruction l'exige",
                "Votre dossier est conservé 3 ans après la clôture de la plainte.",
                "délégué à la protection des données : dpo@autorite.example",
                "En savoir plus sur vos données et vos droits (nouvelle fenêtre)");

        String english = shortNotice(get("/?lang=en"));
        assertThat(english).contains("href=\"/donnees-personnelles\"");
        assertThat(text(english)).contains("Controller: Autorité de contrôle de test.",
                "a task carried out in the public interest (Article 6(1)(e) GDPR)",
                "may learn who you are when the investigation requires it",
                "Your file is kept for 3 years after the complaint is closed.",
                "data protection officer: dpo@autorite.example",
                "More about your data and your rights (opens in a new window)");
    }

    @Test
    void shouldStateEveryMentionOfTheInformationNoticeInFrench() throws Exception {
        HttpResponse<String> page = get("/donnees-personnelles?lang=fr");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"fr\"", "href=\"mailto:dpo@autorite.example\"");
        assertThat(text(page.body())).contains(
                "Le responsable du traitement est : Autorité de contrôle de test (ACT).",
                "Délégué à la protection des données",
                "instruire votre plainte : l'examiner, intervenir auprès de l'organisme mis en cause",
                "mission d'intérêt public ou relevant de l'exercice de l'autorité publique",
                "(article 6, paragraphe 1, point e) du RGPD)",
                "l'organisme mis en cause : pour instruire une plainte, nous lui exposons le plus souvent les faits, "
                        + "et il peut alors apprendre votre identité lorsque l'instruction l'exige",
                "Si vous préférez qu'elle ne lui soit pas communiquée, dites-le dans votre plainte",
                "3 ans après la clôture de la plainte",
                "l'adresse de votre connexion, comptée pour limiter le nombre d'envois : 3 heures",
                "accéder à vos données (article 15 du RGPD)", "les faire rectifier (article 16)",
                "les faire effacer (article 17)", "en faire limiter le traitement (article 18)",
                "vous opposer à leur traitement, pour des raisons tenant à votre situation particulière (article 21)",
                "Pour exercer vos droits, écrivez à notre délégué à la protection des données : dpo@autorite.example",
                "réclamation à l'autorité elle-même (Autorité de contrôle de test)",
                "recours devant le tribunal administratif compétent (article 79 du RGPD)")
                .doesNotContain("5 ans", "CNIL");
    }

    @Test
    void shouldStateEveryMentionOfTheInformationNoticeInEnglish() throws Exception {
        HttpResponse<String> page = get("/donnees-personnelles?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"en\"", "href=\"mailto:dpo@autorite.example\"");
        assertThat(text(page.body())).contains("The controller is: Autorité de contrôle de test (ACT).",
                "Data protection officer", "to handle your complaint: examine it, take the matter up with the organisation",
                "a task carried out in the public interest or in the exercise of official authority",
                "(Article 6(1)(e) GDPR)",
                "the organisation you complain about: to handle a complaint we usually put the facts to it, "
                        + "and it may then learn who you are when the investigation requires it",
                "If you would rather it did not learn your identity, say so in your complaint",
                "3 years after the complaint is closed",
                "your connection's address, counted to limit the number of submissions: 3 hours",
                "to access your data (Article 15 GDPR)", "to have it corrected (Article 16)",
                "to have it erased (Article 17)", "to have its processing restricted (Article 18)",
                "to object to its processing, on grounds relating to your particular situation (Article 21)",
                "To exercise your rights, write to our data protection officer: dpo@autorite.example",
                "lodge a complaint with the authority itself (Autorité de contrôle de test)",
                "bring an action before the competent administrative court (Article 79 GDPR)")
                .doesNotContain("5 years");
    }

    @Test
    void shouldDeclareTheSiteNotCompliantForWantOfAnAuditWithTheRecourseToTheDefenseurDesDroits() throws Exception {
        String french = text(get("/accessibilite?lang=fr").body());
        assertThat(french).contains("Déclaration d'accessibilité",
                "Autorité de contrôle de test s'engage à rendre ses services en ligne accessibles",
                "article 47 de la loi n° 2005-102 du 11 février 2005",
                "Saisine est non conforme avec le référentiel général d'amélioration de l'accessibilité (RGAA)",
                "Saisine n'a pas encore fait l'objet d'un audit de conformité",
                "les décisions jointes en PDF aux courriers électroniques ne sont pas balisées",
                "Chromium sans interface (headless)", "axe-core",
                "par courrier électronique : accessibilite@autorite.example",
                "formulaire en ligne du Défenseur des droits",
                "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07");
        assertThat(get("/accessibilite?lang=fr").body()).contains("href=\"https://formulaire.defenseurdesdroits.fr/\"");

        String english = text(get("/accessibilite?lang=en").body());
        assertThat(english).contains("Accessibility statement", "Saisine is not compliant with the French accessibility framework (RGAA)",
                "Saisine has not yet been audited for compliance", "are not tagged for assistive technologies",
                "headless Chromium", "by email: accessibilite@autorite.example",
                "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07");
    }

    @Test
    void shouldLinkTheDeclarationAndTheNoticeFromTheFooterOfEveryPublicPage() throws Exception {
        for (String path : new String[] {"/", "/suivi/lien-perdu", "/suivi/" + "A".repeat(43), "/donnees-personnelles",
                "/accessibilite"}) {
            for (String language : new String[] {"fr", "en"}) {
                String footer = footer(get(path + "?lang=" + language).body());
                assertThat(footer).as("the footer of %s in %s", path, language).contains(language.equals("fr")
                        ? "<a class=\"fr-footer__bottom-link\" href=\"/accessibilite\">Accessibilité : non conforme</a>"
                        : "<a class=\"fr-footer__bottom-link\" href=\"/accessibilite\">Accessibility: not compliant</a>")
                        .contains("href=\"/donnees-personnelles\"");
            }
        }
    }

    /** Every page is put together by the one chrome (fragments/page.html), hence the one footer. */
    @Test
    void shouldBuildEveryPageOnTheOneChrome() throws Exception {
        Resource[] pages = new PathMatchingResourcePatternResolver().getResources("classpath:templates/*.html");

        assertThat(pages).hasSizeGreaterThanOrEqualTo(11);
        assertThat(Arrays.stream(pages)).allSatisfy(page -> assertThat(page.getContentAsString(StandardCharsets.UTF_8))
                .as(page.getFilename()).contains("th:replace=\"~{fragments/page :: page(")
                .doesNotContain("fragments/layout ::", "<footer", "<header"));
    }

    static String shortNotice(HttpResponse<String> form) {
        Matcher notice = NOTICE_THEN_SUBMIT.matcher(form.body());
        assertThat(notice.find()).as("the short notice right before the submit button, in %s", form.body()).isTrue();
        return notice.group(1);
    }

    static String footer(String page) {
        int start = page.indexOf("<footer");
        assertThat(start).as("a footer in %s", page).isPositive();
        return page.substring(start, page.indexOf("</footer>", start));
    }

    /** What a reader reads: no tags (the pages put white space between elements where a reader sees one), entities decoded, white space as single spaces. */
    static String text(String html) {
        return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", "")).replaceAll("\\s+", " ");
    }

    HttpResponse<String> get(String path) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
