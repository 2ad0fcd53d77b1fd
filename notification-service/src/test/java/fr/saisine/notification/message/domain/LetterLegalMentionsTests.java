package fr.saisine.notification.message.domain;

import static fr.saisine.notification.message.domain.LettersDocumentationTest.AGENT;
import static fr.saisine.notification.message.domain.LettersDocumentationTest.APSF;
import static fr.saisine.notification.message.domain.LettersDocumentationTest.HANDLING;
import static fr.saisine.notification.message.domain.LettersDocumentationTest.REFERENCE;
import static fr.saisine.notification.message.domain.LettersDocumentationTest.WRITTEN_ON;
import static fr.saisine.notification.message.domain.LettersDocumentationTest.seedCase;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplaintStatus;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.Language;
import fr.saisine.events.MessageKind;
import fr.saisine.events.Priority;
import fr.saisine.events.Residence;
import fr.saisine.events.StaffActor;
import fr.saisine.notification.correspondent.Correspondent;

/**
 * What each kind of letter must say for the authority to sign it, held here so that no template
 * edit drops it: the author (CRPA L212-1), the acknowledgement's mentions (CRPA R112-5), a
 * decision's legal basis and its appeal clause (CJA R421-1, R421-5, R421-7), the French original
 * before a translation.
 */
class LetterLegalMentionsTests {

    static final String SIGNATURE = "Pour la présidente et par délégation,\n"
            + "[Chef du service des affaires publiques, sociales et financières — à configurer]\n\n"
            + "[Nom du signataire — à configurer]";
    static final List<String> CLAUSE = List.of("Voies et délais de recours",
            "sous réserve de justifier d'un intérêt à agir",
            "vous pouvez contester la présente décision devant le Conseil d'État dans un délai de deux mois à compter de "
                    + "sa notification",
            "Ce délai est augmenté d'un mois pour les personnes qui résident", "Guadeloupe", "Guyane", "Martinique",
            "La Réunion", "Saint-Barthélemy", "Saint-Martin", "Mayotte", "Saint-Pierre-et-Miquelon",
            "Polynésie française", "Wallis-et-Futuna", "Nouvelle-Calédonie", "Terres australes et antarctiques françaises",
            "et de deux mois pour les personnes qui résident à l'étranger",
            "articles R. 421-1 et R. 421-7 du code de justice administrative");

    final LetterWriter writer = TestLetterWriters.writer();
    final Correspondent seed = seedCase(Language.fr, Residence.METROPOLITAN_FRANCE);

    Letter statusLetter(Correspondent correspondent, ComplaintStatus from, ComplaintStatus to, ClosureOutcome outcome,
            String letter) {
        ComplaintStatusChanged change = new ComplaintStatusChanged(REFERENCE, 5, from, to, outcome,
                outcome == ClosureOutcome.REFERRED_TO_OTHER_AUTHORITY ? "la CNPD du Luxembourg" : null,
                to == ComplaintStatus.INFORMATION_REQUESTED ? "Depuis quand ?" : null, letter, AGENT, APSF,
                Instant.parse("2026-03-03T10:00:00Z"));
        return StatusLetters.letter(writer, MessageKind.forStatusChange(change).orElseThrow(), change, correspondent,
                HANDLING, WRITTEN_ON);
    }

    Letter closing(Residence residence, Language language, ClosureOutcome outcome, String letter) {
        return statusLetter(seedCase(language, residence), ComplaintStatus.INTERVENTION, ComplaintStatus.CLOSED,
                outcome, letter);
    }

    /** Every letter about an assigned case: who writes, when, about what, to whom, and who signs. */
    static void assertLaidOutAsTheAuthorityWrites(Letter letter) {
        assertThat(letter.text()).contains("[Nom de l'autorité — à configurer] ([SIGLE])",
                "Service des plaintes — Affaires publiques, sociales et financières",
                "Tél. : [Téléphone — à configurer] — plaintes@saisine.example",
                "Paris, le 3 mars 2026",
                "N/Réf. : APSF/AD/" + REFERENCE + "\nInstruction du dossier : Agnès Durand",
                "Référence : " + REFERENCE + " (à rappeler dans toute correspondance)\nObjet : ",
                "À l'attention d'Alice Martin et Bruno Petit, co-présidents, Groupe des élus écologistes",
                "Madame, Monsieur les co-présidents du groupe des élus écologistes,",
                SIGNATURE);
        assertThat(letter.html()).contains("Paris, le 3 mars 2026", "Instruction du dossier",
                "Pour la présidente et par délégation", "[Nom du signataire — à configurer]");
    }

    @ParameterizedTest
    @EnumSource(value = ComplaintStatus.class, names = {"UNDER_REVIEW", "INFORMATION_REQUESTED", "INTERVENTION",
            "REOPENED"})
    void shouldLayOutEveryStatusLetterAsOneTheAuthorityCouldSign(ComplaintStatus to) {
        ComplaintStatus from = switch (to) {
            case UNDER_REVIEW -> ComplaintStatus.TRIAGED;
            case REOPENED -> ComplaintStatus.CLOSED;
            default -> ComplaintStatus.UNDER_REVIEW;
        };
        Letter letter = statusLetter(seed, from, to, null, null);
        assertLaidOutAsTheAuthorityWrites(letter);
        assertThat(letter.pdf()).isNull();
        assertThat(letter.text()).doesNotContain("Nous vous écrirons à chaque étape", "Conseil d'État");
    }

    @Test
    void shouldLayOutTheProgressNoticeTheAnswerReceivedAndTheFollowUpLinkAsLettersTheAuthorityCouldSign() {
        assertLaidOutAsTheAuthorityWrites(ProgressNotices.letter(writer, seed, new CorrespondenceClock.CaseState(
                REFERENCE, 5, ComplaintStatus.INTERVENTION, "APSF", APSF.name(), AGENT.name(), false),
                Instant.parse("2025-12-02T14:00:00Z"), WRITTEN_ON));
        ComplaintStatusChanged answered = new ComplaintStatusChanged(REFERENCE, 4, ComplaintStatus.INFORMATION_REQUESTED,
                ComplaintStatus.UNDER_REVIEW, null, null, null, null, StaffActor.complainant("Alice Martin"), APSF,
                Instant.parse("2026-03-03T10:00:00Z"), "Voici.", null);
        assertLaidOutAsTheAuthorityWrites(StatusLetters.letter(writer, MessageKind.ANSWER_RECEIVED, answered, seed,
                HANDLING, WRITTEN_ON));
        Letter link = writer.followUpLink(seed, seed.recipients().getFirst(), HANDLING, WRITTEN_ON);
        assertThat(link.text()).contains("Paris, le 3 mars 2026", "N/Réf. : APSF/AD/" + REFERENCE,
                "À l'attention d'Alice Martin, co-présidente, Groupe des élus écologistes", "Madame, Monsieur,", SIGNATURE);
    }

    @Test
    void shouldGiveInTheAcknowledgementTheServiceItsAddressesAndPhoneWithoutPromisingALetterAtEveryStep() {
        Letter letter = writer.acknowledgement(seed, seed.recipients().get(1), new ComplaintTriaged(REFERENCE,
                Instant.parse("2026-01-12T09:31:00Z"), APSF, "public-bodies", Priority.HIGH, List.of()),
                LocalDate.of(2026, 1, 12));

        assertThat(letter.text()).contains("Paris, le 12 janvier 2026",
                "Objet : Accusé de réception de votre plainte « Reconnaissance faciale aux abords des écoles »",
                "À l'attention de Bruno Petit, co-président, Groupe des élus écologistes", "\n\nMadame, Monsieur,\n",
                "Cette référence est à rappeler dans toute correspondance",
                "Service chargé de votre plainte : [Nom de l'autorité — à configurer], Service des plaintes — "
                        + APSF.name(),
                "Adresse postale : [Adresse postale — à configurer], [Code postal et ville — à configurer]",
                "Adresse électronique : plaintes@saisine.example", "Téléphone : [Téléphone — à configurer]",
                "L'avancement de l'instruction et son issue vous seront communiqués.", SIGNATURE)
                // not assigned yet: no agent to name
                .doesNotContain("N/Réf.", "Instruction du dossier", "à chaque étape", "Bonjour");
        assertThat(letter.html()).contains("Adresse électronique", "Téléphone", "Pour la présidente et par délégation");
    }

    @Test
    void shouldSayWhoRemindedTheOrganisationOfWhichObligationOnWhichLegalBasisThenTheClauseAfterTheSignature() {
        Letter letter = closing(Residence.METROPOLITAN_FRANCE, Language.fr, ClosureOutcome.REMINDER_OF_OBLIGATIONS,
                "la réalisation d'une analyse d'impact.");
        String text = letter.text();

        assertLaidOutAsTheAuthorityWrites(letter);
        assertThat(text).contains("la présidente de [l'autorité — à configurer] a procédé à un rappel aux obligations "
                        + "légales de l'organisme, Commune de Lyon,",
                "article 58, paragraphe 2, point b), du règlement (UE) 2016/679",
                "article 20, II, de la loi n° 78-17 du 6 janvier 1978",
                "Ce rappel porte sur le point suivant : la réalisation d'une analyse d'impact.");
        assertThat(text).contains(CLAUSE);
        assertThat(text.indexOf("Voies et délais de recours")).as("the clause comes after the signature")
                .isGreaterThan(text.indexOf("[Nom du signataire — à configurer]"));
        // no day of notification is stated: only an indicative last day, filled in as the email leaves
        assertThat(text).contains("À titre indicatif", SendingDay.sentOn(Language.fr),
                SendingDay.lastDay(Language.fr, Residence.METROPOLITAN_FRANCE))
                .doesNotContain("intervenue le", "retenue comme date de notification", "au plus tard");
        assertThat(letter.html()).contains("Voies et délais de recours", "intérêt à agir",
                "Terres australes et antarctiques françaises");
    }

    @ParameterizedTest
    @EnumSource(value = ClosureOutcome.class, names = "WITHDRAWN", mode = EnumSource.Mode.EXCLUDE)
    void shouldStateTheGroundOfEveryDecisionAndItsAppealClause(ClosureOutcome outcome) {
        String text = closing(Residence.ABROAD, Language.fr, outcome, null).text();
        assertThat(text).contains(switch (outcome) {
            case REMINDER_OF_OBLIGATIONS -> "article 58, paragraphe 2, point b)";
            case FORMAL_NOTICE -> "article 58, paragraphe 2, point d), du RGPD et de l'article 20, III";
            case SANCTION_PROCEDURE -> "a saisi la formation restreinte";
            case NO_BREACH -> "En l'absence de manquement établi";
            case INADMISSIBLE -> "elle est irrecevable, car elle ne relève pas de la compétence";
            case REFERRED_TO_OTHER_AUTHORITY -> "article L. 114-2 du code des relations entre le public et l'administration";
            case WITHDRAWN -> throw new IllegalArgumentException();
        }).contains(CLAUSE).contains(SIGNATURE);
    }

    @Test
    void shouldGiveTheReasonOfAnInadmissibleComplaintWhenStaffGiveOne() {
        assertThat(closing(Residence.METROPOLITAN_FRANCE, Language.fr, ClosureOutcome.INADMISSIBLE,
                "les faits relèvent d'un litige commercial.").text())
                .contains("elle est irrecevable, pour le motif suivant : les faits relèvent d'un litige commercial.");
    }

    @Test
    void shouldTakeNoteOfAWithdrawalWithoutAnAppealClause() {
        Letter letter = closing(Residence.METROPOLITAN_FRANCE, Language.fr, ClosureOutcome.WITHDRAWN, null);
        assertThat(letter.text()).contains("nous en avons pris acte", SIGNATURE)
                .doesNotContain("Voies et délais de recours", "Conseil d'État", "À titre indicatif");
    }

    @Test
    void shouldSendTheFrenchDecisionThenItsTranslationSayingTheFrenchIsAuthoritative() {
        Letter letter = closing(Residence.ABROAD, Language.en, ClosureOutcome.REMINDER_OF_OBLIGATIONS, null);
        String text = letter.text();
        int translation = text.indexOf("ENGLISH TRANSLATION, for information only: the French text above is the "
                + "authoritative decision.");

        assertThat(letter.subject()).startsWith("Votre plainte n° " + REFERENCE + " : décision de clôture / ");
        assertThat(translation).isPositive();
        assertThat(text.substring(0, translation)).startsWith("[Nom de l'autorité — à configurer]")
                .contains("article 58, paragraphe 2, point b)", "article 20, II, de la loi n° 78-17", SIGNATURE)
                .contains(CLAUSE);
        assertThat(text.substring(translation)).contains("Article 58(2)(b)", "Article 20, II, of French Act No. 78-17",
                "For the President, by delegation,", "provided you can show an interest in bringing proceedings",
                "Conseil d'État", "by two months for people living abroad", "French Southern and Antarctic Lands",
                "Wallis and Futuna",
                SendingDay.lastDay(Language.en, Residence.ABROAD));
        assertThat(letter.html().indexOf("Voies et délais de recours"))
                .isLessThan(letter.html().indexOf("ENGLISH TRANSLATION"));
    }

    @Test
    void shouldRenderTheDecisionAsAPdfAWithTheLetterheadReferenceSignatoryAndClauseButNoIndicativeDay()
            throws IOException {
        Letter letter = closing(Residence.OVERSEAS, Language.fr, ClosureOutcome.REMINDER_OF_OBLIGATIONS, null);

        try (PDDocument pdf = Loader.loadPDF(letter.pdf())) {
            String text = text(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("[Nom de l'autorité — à configurer]", "Paris, le 3 mars 2026",
                    "N/Réf. : APSF/AD/" + REFERENCE, "Référence : " + REFERENCE,
                    "Pour la présidente et par délégation", "[Nom du signataire — à configurer]",
                    "Voies et délais de recours", "sous réserve de justifier d'un intérêt à agir",
                    "Terres australes et antarctiques françaises")
                    .doesNotContain("À titre indicatif", "{{");
            String metadata = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(metadata).contains("<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>U</pdfaid:conformance>");
        }
    }

    @Test
    void shouldApologiseForTheTimeTakenOnlyAfterSixMonths() {
        Correspondent old = LettersDocumentationTest.filedLongAgo();
        assertThat(statusLetter(old, ComplaintStatus.TRIAGED, ComplaintStatus.UNDER_REVIEW, null, null).text())
                .contains("Nous vous prions de bien vouloir nous excuser du délai pris par l'examen de votre plainte, "
                        + "déposée le 1er août 2025.");
        assertThat(statusLetter(seed, ComplaintStatus.TRIAGED, ComplaintStatus.UNDER_REVIEW, null, null).text())
                .doesNotContain("excuser");
    }

    @Test
    void shouldLeaveOutTheAgentUntilTheCaseIsAssignedAndSignForASectorWithoutSignatoryByDefault() {
        ComplaintStatusChanged change = new ComplaintStatusChanged(REFERENCE, 2, ComplaintStatus.TRIAGED,
                ComplaintStatus.UNDER_REVIEW, null, null, null, null, AGENT, null, Instant.parse("2026-03-03T10:00:00Z"));
        String text = StatusLetters.letter(writer, MessageKind.UNDER_REVIEW, change, seed,
                new CaseHandling("XYZ", "Nouveau secteur", null), WRITTEN_ON).text();
        assertThat(text).doesNotContain("N/Réf.", "Instruction du dossier")
                .contains("Pour la présidente et par délégation,\n[Qualité du signataire — à configurer]");
    }

    @Test
    void shouldTakeInitialsOfEveryCapitalisedPartOfTheName() {
        assertThat(LetterWriter.initials("Agnès Durand")).isEqualTo("AD");
        assertThat(LetterWriter.initials("Jean-Pierre de La Fontaine")).isEqualTo("JPLF");
        assertThat(LetterWriter.initials("Élodie Martin")).isEqualTo("EM");
    }

    @Test
    void shouldFillTheSendingDayAndTheIndicativeLastDayWhenTheLetterLeaves() {
        String stored = "remis le " + SendingDay.sentOn(Language.fr) + ", dernier jour le "
                + SendingDay.lastDay(Language.fr, Residence.OVERSEAS) + "; sent on " + SendingDay.sentOn(Language.en)
                + ", last day " + SendingDay.lastDay(Language.en, Residence.ABROAD);
        OutgoingMessage message = OutgoingMessage.queued(REFERENCE, MessageKind.CLOSED, "a@example.org", "A",
                new Letter("s", stored, "<p>" + stored + "</p>"), Instant.now());

        OutgoingMessage sent = SendingDay.fill(message, LocalDate.of(2026, 1, 3));

        // 3 January: 3 April + 1 = Saturday 4, Easter Sunday, Easter Monday: Tuesday 7 April; abroad 4 May
        assertThat(sent.text()).isEqualTo("remis le 3 janvier 2026, dernier jour le 7 avril 2026; sent on "
                + "3 January 2026, last day 4 May 2026");
        assertThat(sent.html()).isEqualTo("<p>" + sent.text() + "</p>");
        assertThat(SendingDay.fill(OutgoingMessage.queued(REFERENCE, MessageKind.CLOSED, "a@example.org", "A",
                new Letter("s", "rien", "<p>rien</p>"), Instant.now()), LocalDate.of(2026, 1, 3)).text()).isEqualTo("rien");
    }

    @Test
    void shouldSalutePeopleWithoutASharedRoleAsMadameMonsieur() {
        assertThat(Addressing.salutation(List.of(new Correspondent.Addressee("Alice Martin", null)), null, true))
                .isEqualTo("Madame, Monsieur,");
        assertThat(Addressing.salutation(List.of(new Correspondent.Addressee("Alice Martin", "présidente"),
                new Correspondent.Addressee("Bruno Petit", "trésorier")), "Association Vigie", true))
                .isEqualTo("Mesdames, Messieurs,");
        assertThat(Addressing.salutation(List.of(new Correspondent.Addressee("Alice Martin", "co-présidente"),
                new Correspondent.Addressee("Bruno Petit", "co-président")), "Association Vigie", true))
                .isEqualTo("Madame, Monsieur les co-présidents de l'association Vigie,");
        assertThat(Addressing.salutation(List.of(new Correspondent.Addressee("Alice Martin", "co-présidente"),
                new Correspondent.Addressee("Bruno Petit", "co-président")), "Les Amis du parc", true))
                .isEqualTo("Madame, Monsieur les co-présidents,");
    }

    /** The PDF's text in reading order, its spaces and line ends made single spaces. */
    static String text(PDDocument pdf) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(pdf);
    }
}
