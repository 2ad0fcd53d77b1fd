package fr.saisine.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.saisine.events.Category;
import fr.saisine.events.ComplainantType;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.Language;
import fr.saisine.events.Priority;
import fr.saisine.events.Residence;
import fr.saisine.events.RespondentType;

class RouterTest {

    static final Map<String, String> SECTORS = Map.of("APSF", "Affaires publiques, sociales et financières",
            "ECO", "Affaires économiques", "NUM", "Numérique", "ACC", "Accueil");

    static final List<TriageProperties.Rule> RULES = List.of(
            rule("delisting", "NUM", Set.of(Category.DELISTING), Set.of(), List.of()),
            rule("public-bodies", "APSF", Set.of(), Set.of(RespondentType.PUBLIC_BODY), List.of()),
            rule("banking", "APSF", Set.of(), Set.of(), List.of("banque", "assurance", "caf")),
            rule("online-platforms", "NUM", Set.of(), Set.of(), List.of("réseau social", "plateforme")),
            rule("marketing", "ECO", Set.of(Category.MARKETING), Set.of(), List.of()),
            rule("companies", "ECO", Set.of(), Set.of(RespondentType.COMPANY), List.of()));

    final Router router = new Router(new TriageProperties(SECTORS, "ACC", RULES,
            new TriageProperties.HighPriority(Set.of(Category.HEALTH_DATA),
                    List.of("reconnaissance faciale", "biométrie", "mineurs"))));

    static TriageProperties.Rule rule(String name, String sector, Set<Category> categories,
            Set<RespondentType> types, List<String> keywords) {
        return new TriageProperties.Rule(name, sector, categories, types, keywords);
    }

    static ComplaintSubmitted complaint(String respondent, RespondentType type, String activity, Category category,
            String subject) {
        return new ComplaintSubmitted("26000001", Instant.parse("2026-03-01T10:00:00Z"),
                new ComplaintSubmitted.Complainant(ComplainantType.PERSON, "Jeanne Dupont", "j@example.org", List.of(),
                        new ComplaintSubmitted.PostalAddress("1 rue", "75001", "Paris", "FR"),
                        Residence.METROPOLITAN_FRANCE),
                new ComplaintSubmitted.Respondent(respondent, type, activity), category, subject, "Les faits.",
                Language.fr);
    }

    @Test
    void shouldRouteAPublicBodyToAPSFAndSayWhy() {
        Routing routing = router.route(complaint("Mairie de Lyon", RespondentType.PUBLIC_BODY, "commune",
                Category.VIDEO_SURVEILLANCE, "Caméras"));

        assertThat(routing.sectorCode()).isEqualTo("APSF");
        assertThat(routing.sectorName()).isEqualTo("Affaires publiques, sociales et financières");
        assertThat(routing.matchedRule()).isEqualTo("public-bodies");
        assertThat(routing.reason()).isEqualTo("organisation type PUBLIC_BODY");
        assertThat(routing.priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void shouldRouteABankToAPSFBeforeTheCompaniesRule() {
        Routing routing = router.route(complaint("Crédit Exemple", RespondentType.COMPANY, "Banque de détail",
                Category.ACCESS_RIGHT, "Accès refusé"));

        assertThat(routing.sectorCode()).isEqualTo("APSF");
        assertThat(routing.matchedRule()).isEqualTo("banking");
        assertThat(routing.reason()).isEqualTo("organisation mentions 'banque'");
    }

    @Test
    void shouldMatchKeywordsWithoutAccentsOrCaseButOnlyAsWholeWords() {
        assertThat(router.route(complaint("Réseau Social X", RespondentType.COMPANY, null, Category.OTHER, "x"))
                .matchedRule()).isEqualTo("online-platforms");
        assertThat(router.route(complaint("La Cafetière", RespondentType.COMPANY, "café", Category.OTHER, "x"))
                .matchedRule()).isEqualTo("companies");
    }

    @Test
    void shouldApplyTheFirstMatchingRuleInOrder() {
        Routing routing = router.route(complaint("Moteur Y", RespondentType.COMPANY, "plateforme",
                Category.DELISTING, "Déréférencement"));

        assertThat(routing.matchedRule()).isEqualTo("delisting");
        assertThat(routing.sectorCode()).isEqualTo("NUM");
    }

    @Test
    void shouldLeaveWhatNoRuleMatchesToTheFallbackSector() {
        Routing routing = router.route(complaint("M. Voisin", RespondentType.INDIVIDUAL, "particulier",
                Category.VIDEO_SURVEILLANCE, "Caméra du voisin"));

        assertThat(routing.sectorCode()).isEqualTo("ACC");
        assertThat(routing.matchedRule()).isEqualTo("fallback");
    }

    @Test
    void shouldFlagSensitiveProcessingAsHighPriority() {
        Routing facial = router.route(complaint("Lycée Z", RespondentType.PUBLIC_BODY, "lycée",
                Category.VIDEO_SURVEILLANCE, "Reconnaissance FACIALE à l'entrée"));
        Routing health = router.route(complaint("Clinique", RespondentType.COMPANY, "clinique",
                Category.HEALTH_DATA, "Dossier"));

        assertThat(facial.priority()).isEqualTo(Priority.HIGH);
        assertThat(facial.priorityReason()).isEqualTo("mentions 'reconnaissance faciale'");
        assertThat(health.priority()).isEqualTo(Priority.HIGH);
        assertThat(health.priorityReason()).isEqualTo("category HEALTH_DATA");
    }

    @Test
    void shouldRefuseARuleThatRoutesToAnUnknownSector() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TriageProperties(SECTORS, "ACC",
                        List.of(rule("typo", "APFS", Set.of(), Set.of(), List.of("x"))),
                        new TriageProperties.HighPriority(Set.of(), List.of())))
                .withMessageContaining("rule 'typo' routes to 'APFS'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TriageProperties(SECTORS, "NONE", List.of(),
                        new TriageProperties.HighPriority(Set.of(), List.of())))
                .withMessageContaining("fallback-sector 'NONE'");
    }
}
