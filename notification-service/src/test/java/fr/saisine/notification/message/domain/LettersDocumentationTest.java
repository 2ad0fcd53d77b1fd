package fr.saisine.notification.message.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.saisine.events.Category;
import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplainantType;
import fr.saisine.events.ComplaintStatus;
import fr.saisine.events.ComplaintStatusChanged;
import fr.saisine.events.ComplaintSubmitted;
import fr.saisine.events.ComplaintTriaged;
import fr.saisine.events.Language;
import fr.saisine.events.MessageKind;
import fr.saisine.events.Priority;
import fr.saisine.events.Residence;
import fr.saisine.events.RespondentType;
import fr.saisine.events.StaffActor;
import fr.saisine.notification.correspondent.Correspondent;

/**
 * docs/letters.md is what the templates write for the seed case: this test fails when the file
 * differs, and rewrites it when run with {@code -Dsaisine.letters.write=true}.
 */
class LettersDocumentationTest {

    static final String REFERENCE = "26000001";
    static final LocalDate WRITTEN_ON = LocalDate.of(2026, 3, 3);
    static final ComplaintTriaged.Sector APSF = new ComplaintTriaged.Sector("APSF",
            "Affaires publiques, sociales et financières");
    static final StaffActor AGENT = new StaffActor("sub-agent", "agent-apsf", "Agnès Durand");

    static final CaseHandling HANDLING = new CaseHandling(APSF.code(), APSF.name(), AGENT.name());
    static final String MATTER = "la réalisation d'une analyse d'impact relative à la protection des données avant "
            + "tout déploiement d'un dispositif de reconnaissance faciale.";

    final LetterWriter writer = TestLetterWriters.writer();

    @Test
    void shouldMatchWhatTheTemplatesWrite() throws IOException {
        Path file = docs().resolve("letters.md");
        String rendered = render();
        if (Boolean.getBoolean("saisine.letters.write")) {
            Files.writeString(file, rendered, StandardCharsets.UTF_8);
            // its first page, as docs/letters-closing.png: pdftoppm -png -r 80 -f 1 -singlefile <this> docs/letters-closing
            Files.write(Path.of("target", "letters-closing.pdf"),
                    closing(Residence.METROPOLITAN_FRANCE, Language.fr, ClosureOutcome.REMINDER_OF_OBLIGATIONS).pdf());
        }
        assertThat(file).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("docs/letters.md is out of date: run ./mvnw -pl notification-service test "
                        + "-Dtest=LettersDocumentationTest -Dsaisine.letters.write=true")
                .isEqualTo(rendered);
    }

    static Correspondent seedCase(Language language, Residence residence) {
        return Correspondent.of(new ComplaintSubmitted(REFERENCE, Instant.parse("2026-01-12T09:30:00Z"),
                new ComplaintSubmitted.Complainant(ComplainantType.ORGANISATION, "Groupe des élus écologistes", null,
                        List.of(new ComplaintSubmitted.Representative("Alice Martin", "co-présidente",
                                        "alice.martin@example.org"),
                                new ComplaintSubmitted.Representative("Bruno Petit", "co-président",
                                        "bruno.petit@example.org")),
                        new ComplaintSubmitted.PostalAddress("1 place de la Mairie", "69001", "Lyon", "FR"), residence),
                new ComplaintSubmitted.Respondent("Commune de Lyon", RespondentType.PUBLIC_BODY, "commune"),
                Category.VIDEO_SURVEILLANCE, "Reconnaissance faciale aux abords des écoles",
                "La commune expérimente la reconnaissance faciale.", language));
    }

    static ComplaintStatusChanged change(long version, ComplaintStatus from, ComplaintStatus to) {
        return change(version, from, to, null, null, null, null);
    }

    static ComplaintStatusChanged change(long version, ComplaintStatus from, ComplaintStatus to, ClosureOutcome outcome,
            String referredTo, String question, String letter) {
        return new ComplaintStatusChanged(REFERENCE, version, from, to, outcome, referredTo, question, letter, AGENT,
                APSF, Instant.parse("2026-03-03T10:00:00Z"));
    }

    Letter statusLetter(Correspondent correspondent, ComplaintStatusChanged change) {
        MessageKind kind = MessageKind.forStatusChange(change).orElseThrow();
        return StatusLetters.letter(writer, kind, change, correspondent, HANDLING, WRITTEN_ON);
    }

    Letter closing(Residence residence, Language language, ClosureOutcome outcome) {
        return statusLetter(seedCase(language, residence), change(6, ComplaintStatus.INTERVENTION,
                ComplaintStatus.CLOSED, outcome,
                outcome == ClosureOutcome.REFERRED_TO_OTHER_AUTHORITY ? "la Commission nationale de protection des données du Luxembourg" : null,
                null, outcome == ClosureOutcome.REMINDER_OF_OBLIGATIONS ? MATTER : null));
    }

    /** What each outcome rests on, for the table of docs/letters.md. */
    static String basis(ClosureOutcome outcome) {
        return switch (outcome) {
            case REMINDER_OF_OBLIGATIONS -> "GDPR art. 58(2)(b); loi n° 78-17 art. 20, II (the president of the authority)";
            case FORMAL_NOTICE -> "GDPR art. 58(2)(d); loi n° 78-17 art. 20, III (the president)";
            case SANCTION_PROCEDURE -> "loi n° 78-17 art. 20, IV; GDPR art. 58(2) (the president refers to the restricted committee)";
            case NO_BREACH -> "GDPR art. 57(1)(f) and 58(2): no breach established, no corrective measure";
            case INADMISSIBLE -> "GDPR art. 55 to 57 and 77; the reason, when staff give one (`letter`)";
            case REFERRED_TO_OTHER_AUTHORITY -> "CRPA L114-2 (transmission to the competent authority)";
            case WITHDRAWN -> "the complainant's withdrawal, taken note of: no decision, no appeal clause";
        };
    }

    String render() {
        Correspondent seed = seedCase(Language.fr, Residence.METROPOLITAN_FRANCE);
        StringBuilder md = new StringBuilder("""
                # Letters to the complainant

                <!-- Generated by LettersDocumentationTest from the templates: do not edit by hand. After
                     changing a template, run
                     ./mvnw -pl notification-service test -Dtest=LettersDocumentationTest -Dsaisine.letters.write=true
                     and commit this file with the template. -->

                *This file is generated from the real templates by `LettersDocumentationTest`
                (notification-service), which fails when the two differ; run it with
                `-Dsaisine.letters.write=true` to rewrite this file.*

                Each letter is a pair of Thymeleaf templates under
                `notification-service/src/main/resources/letters/`: `<kind>.<language>.txt` (plain text) and
                `<kind>.<language>.html`, `fr` and `en`. The letterhead, the date line, the references, the
                object, the address line, the salutation and the signature are shared, in `letters/parts/`
                (`opening`, `closing` and `letter.<language>.html`); the subjects, the objects and the words
                of the address line are in `letters/letters.<language>.properties`. In the plain-text
                templates a line holding only an instruction (`[# th:if ...]`) leaves an empty line:
                paragraphs are kept one blank line apart, no more.

                ## Who speaks, and how a letter is laid out

                Every letter is one the authority could sign. A decision must show its author's first name,
                name and title (CRPA art. L212-1); an acknowledgement must give the service in charge, its
                postal and electronic addresses and its phone (CRPA art. R112-5). So every letter has:

                - the letterhead: the authority, its service and the sector, its postal address, phone,
                  email and website (`saisine.authority.*` in notification-service's application.yml);
                - the date line, "%s, le 3 mars 2026" (`saisine.authority.city`);
                - once the case is assigned, "N/Réf. : <sector>/<agent's initials>/<reference>" and
                  "Instruction du dossier : <agent>": notification learns the assignee from `CaseAssigned`
                  (and forgets them when the case moves to another sector, as triage does);
                - the reference line, to be quoted in all correspondence, and an object line;
                - the address line and a salutation naming the addressees' shared role where the
                  complaint gives one ("Madame, Monsieur les co-présidents du groupe ...");
                - an apology for the time taken when the complaint was filed longer ago than
                  `saisine.notification.delay-apology-after` (P6M);
                - the signature block of the sector's signatory: the delegation formula ("Pour la
                  présidente et par délégation"), the title, the name
                  (`saisine.authority.signatories.<SECTOR>`, `DEFAULT` for a sector not listed).

                The defaults in application.yml are placeholders in square brackets, shown as they are in
                the samples below: each deployment sets them, by application.yml or by environment
                variable (`SAISINE_AUTHORITY_NAME`, `SAISINE_AUTHORITY_SIGNATORIES_APSF_NAME`, ...).

                | letter (kind) | sent when | its own variables |
                | --- | --- | --- |
                | acknowledgement (`ACKNOWLEDGEMENT`) | the complaint is routed to a sector (`ComplaintTriaged`); one per recipient, addressed to them, each with a follow-up link of their own; with the mentions of CRPA R112-5 | `recipientName`, `followUpLink`, `dpoContact` |
                | under review (`UNDER_REVIEW`) | `ComplaintStatusChanged` from `TRIAGED` to `UNDER_REVIEW` (not after an answer or a reopening) | — |
                | information requested (`INFORMATION_REQUESTED`) | to `INFORMATION_REQUESTED` | `question` |
                | intervention (`INTERVENTION`) | to `INTERVENTION` | — |
                | answer received (`ANSWER_RECEIVED`) | `ComplaintStatusChanged` with the complainant's `answer` (from `INFORMATION_REQUESTED` back to `UNDER_REVIEW`) | — |
                | closing decision (`CLOSED`) | to `CLOSED`; always in French, then, for who chose English, its translation; with its PDF attached; after the complainant's withdrawal (`WITHDRAWN`), without the appeal clause: there is no decision to challenge | `outcome`, `matter`, `referredTo`, `president`, `residence`, `sentOn`, `lastDay`, `pdf`, `translation` |
                | reopening (`REOPENED`) | to `REOPENED` | — |
                | progress notice (`PROGRESS`) | no letter for `saisine.notification.progress-notice-after` (3 months) on an open case | `status`, `lastLetterOn` |
                | follow-up link (`FOLLOW_UP_LINK`) | `FollowUpLinkRequested`: someone who lost their link gave the reference and their address; to them alone | `recipientName`, `followUpLink` |

                Every letter has: `authorityName`, `authorityShortName`, `serviceName`, `authorityAddress`
                (lines), `authorityPhone`, `authorityEmail`, `authorityWebsite`, `dateLine`, `ourReference`
                and `assigneeName` (null until the case is assigned), `reference`, `object`, `attention`
                (everyone the letter is for, with their roles and organisation), `salutation` and
                `salutationInFormula`, `delayApology`, `sectorName`, `complainantName`,
                `complaintSubject`, `respondentName`, `submittedOn`, `writtenOn`, `delegation`,
                `signatoryTitle`, `signatoryName`, and `letter`, the optional paragraph staff wrote for the
                complainant. The other transitions (back to `UNDER_REVIEW` after staff resume without an
                answer, an intervention or a reopening) bring no letter.

                `followUpLink` is the recipient's private link to follow the complaint online. It is not
                written into the letter that is kept: the letter holds `%s`, and the link, with a token
                minted for that one sending, replaces it only in the email handed to the mail server
                (`FollowUpLinks`); only the token's SHA-256 is kept, and sent to intake. So the samples
                below, and the letters staff read in a case's history, show `%s`.

                ## Decisions

                A closing letter is an administrative decision. It says who decided and on what basis
                (the table below), then, after the signature, the appeal clause: subject to the
                complainant's standing, before the Conseil d'État (CJA art. R421-1: two months from
                notification), one month more for those living in the overseas territories the clause
                names, two months more for those living abroad (CJA art. R421-7). Time runs from the
                complainant's receipt of the decision, which the authority cannot know: no sentence says
                on which day notification happened, and a clause that stated the time limits wrongly would
                not make them run (CJA art. R421-5). What the email adds, "à titre indicatif", is the day
                the mail server took it and the last day to appeal if it was received that day: the
                stored letter holds `%s` and `%s`, which the sender fills as it hands the email to the
                mail server (`SendingDay`), with `AppealDeadline`: a *délai franc* (neither the day of
                notification nor the day the period ends counts: notified on 3 January, the last day is
                4 March), moved on to the next working day when it falls on a Saturday, a Sunday or a
                French public holiday.

                A decision is in French. A complainant who chose English receives the French decision,
                then its English translation, which says that the French text is authoritative.

                Each decision also leaves as a PDF/A-2u attached to its email (`decision-<reference>.pdf`):
                the same page, with the letterhead, the date line, the references, the signature block and
                the clause, rendered by openhtmltopdf (io.github.openhtmltopdf, on PDFBox) with its one
                font embedded, DejaVu Sans (Bitstream Vera licence, public-domain changes; copied from
                Debian's fonts-dejavu-core, `letters/fonts/LICENSE`). It holds no indicative last day: it
                is made when the letter is written, before the mail server takes it. Each PDF is kept
                with its message, in notification's `decision_pdfs` collection, keyed by the message id.
                The first page of the sample decision below:
                [letters-closing.png](letters-closing.png).

                Sources: CRPA (code des relations entre le public et l'administration) art. L212-1 (the
                author of a decision), R112-5 (the acknowledgement), L114-2 (a request for another
                authority is sent on to it); CJA (code de justice administrative) art. R421-1, R421-5 and
                R421-7 (the time to appeal, its statement, its extension overseas and abroad); GDPR
                (Regulation (EU) 2016/679) art. 57(1)(f), 58(2) and 77; loi n° 78-17 du 6 janvier 1978
                art. 20 (the president's corrective measures).

                | outcome | legal basis | its paragraph in the decision |
                | --- | --- | --- |
                """.formatted(TestLetterWriters.authority().city(), FollowUpLinks.PLACEHOLDER,
                FollowUpLinks.PLACEHOLDER, SendingDay.sentOn(Language.fr),
                SendingDay.lastDay(Language.fr, Residence.METROPOLITAN_FRANCE)));
        for (ClosureOutcome outcome : ClosureOutcome.values()) {
            String text = closing(Residence.METROPOLITAN_FRANCE, Language.fr, outcome).text();
            md.append("| `").append(outcome).append("` | ").append(basis(outcome)).append(" | ")
                    .append(paragraphAfter(text, "L'instruction de votre plainte", "Vous nous avez fait part du retrait"))
                    .append(" |\n");
        }
        md.append("""

                The samples: complaint %s, filed on 12 January 2026 by the Groupe des élus écologistes
                (co-presidents Alice Martin and Bruno Petit) about the Commune de Lyon, handled by the sector
                Affaires publiques, sociales et financières and assigned to %s; letters written on %s (the
                acknowledgement on the day of filing, before the case was assigned).
                """.formatted(REFERENCE, AGENT.name(), LetterWriter.date(WRITTEN_ON, Language.en)));

        section(md, "Accusé de réception (to each recipient, here Alice Martin)",
                writer.acknowledgement(seed, seed.recipients().getFirst(), new ComplaintTriaged(REFERENCE,
                        Instant.parse("2026-01-12T09:31:00Z"), APSF, "public-bodies", Priority.HIGH, List.of()),
                        LocalDate.of(2026, 1, 12)));
        section(md, "Instruction en cours (UNDER_REVIEW)",
                statusLetter(seed, change(2, ComplaintStatus.TRIAGED, ComplaintStatus.UNDER_REVIEW)));
        section(md, "Demande de précisions (INFORMATION_REQUESTED)", statusLetter(seed, change(3,
                ComplaintStatus.UNDER_REVIEW, ComplaintStatus.INFORMATION_REQUESTED, null, null,
                "Pouvez-vous nous transmettre les photographies des panneaux d'information apposés à l'entrée des écoles ?",
                null)));
        section(md, "Intervention auprès de l'organisme (INTERVENTION), with a paragraph written by the agent",
                statusLetter(seed, change(5, ComplaintStatus.UNDER_REVIEW, ComplaintStatus.INTERVENTION, null, null,
                        null, "Nous avons demandé à la commune de suspendre l'expérimentation pendant notre examen.")));
        section(md, "Clôture (CLOSED, REMINDER_OF_OBLIGATIONS), metropolitan France",
                closing(Residence.METROPOLITAN_FRANCE, Language.fr, ClosureOutcome.REMINDER_OF_OBLIGATIONS));

        md.append("\n### The indicative last day, by residence\n\nThe clause is the same for everyone; the ")
                .append("paragraph after it, as the email leaves on ").append(LetterWriter.date(WRITTEN_ON, Language.fr))
                .append(":\n");
        for (Residence residence : Residence.values()) {
            md.append("\n- ").append(residence).append(":\n\n  > ")
                    .append(SendingDay.fill(paragraphStarting(closing(residence, Language.fr,
                            ClosureOutcome.REMINDER_OF_OBLIGATIONS).text(), "À titre indicatif"), WRITTEN_ON)
                            .replace("\n", " ")).append('\n');
        }

        section(md, "Clôture après désistement (CLOSED, WITHDRAWN): no right of appeal",
                closing(Residence.METROPOLITAN_FRANCE, Language.fr, ClosureOutcome.WITHDRAWN));
        section(md, "Réponse reçue (ANSWER_RECEIVED), after the complainant answered through their link",
                statusLetter(seed, new ComplaintStatusChanged(REFERENCE, 4, ComplaintStatus.INFORMATION_REQUESTED,
                        ComplaintStatus.UNDER_REVIEW, null, null, null, null, StaffActor.complainant("Alice Martin"),
                        APSF, Instant.parse("2026-03-03T10:00:00Z"), "Voici les photographies demandées.", null)));
        section(md, "Réouverture (REOPENED)", statusLetter(seed, change(7, ComplaintStatus.CLOSED,
                ComplaintStatus.REOPENED)));
        section(md, "Point d'étape (PROGRESS), after three months without a letter",
                ProgressNotices.letter(writer, seed, new CorrespondenceClock.CaseState(REFERENCE, 5,
                        ComplaintStatus.INTERVENTION, APSF.code(), APSF.name(), AGENT.name(), false),
                        Instant.parse("2025-12-02T14:00:00Z"), WRITTEN_ON));
        section(md, "Lien de suivi (FOLLOW_UP_LINK), to Alice Martin, who asked for a new one",
                writer.followUpLink(seed, seed.recipients().getFirst(), HANDLING, WRITTEN_ON));
        section(md, "Instruction en cours (UNDER_REVIEW) of a complaint filed more than six months earlier",
                statusLetter(filedLongAgo(), change(2, ComplaintStatus.TRIAGED, ComplaintStatus.UNDER_REVIEW)));
        section(md, "Closing decision to a complainant living abroad who chose English: the French decision, "
                + "then its translation", closing(Residence.ABROAD, Language.en, ClosureOutcome.REMINDER_OF_OBLIGATIONS));
        return md.toString();
    }

    /** The seed case, filed on 1 August 2025: seven months before the letters. */
    static Correspondent filedLongAgo() {
        Correspondent seed = seedCase(Language.fr, Residence.METROPOLITAN_FRANCE);
        return new Correspondent(seed.reference(), Instant.parse("2025-08-01T08:00:00Z"), seed.complainantName(),
                seed.subject(), seed.language(), seed.residence(), seed.recipients(), seed.addressees(),
                seed.organisation(), seed.respondentName());
    }

    private static void section(StringBuilder md, String title, Letter letter) {
        md.append("\n## ").append(title).append("\n\nSubject: **").append(letter.subject()).append("**\n\n```text\n")
                .append(letter.text()).append("```\n");
    }

    private static List<String> paragraphs(String text) {
        return Arrays.asList(text.split("\n\n"));
    }

    private static String paragraphStarting(String text, String start) {
        return paragraphs(text).stream().filter(p -> p.startsWith(start)).findFirst().orElseThrow();
    }

    /** The paragraph after the opening one, which starts with one of {@code openings}. */
    private static String paragraphAfter(String text, String... openings) {
        List<String> paragraphs = paragraphs(text);
        for (int i = 0; i < paragraphs.size() - 1; i++) {
            if (Arrays.stream(openings).anyMatch(paragraphs.get(i)::startsWith)) {
                return paragraphs.get(i + 1).replace("\n", " ");
            }
        }
        throw new IllegalStateException("no paragraph after one of " + Arrays.toString(openings) + " in:\n" + text);
    }

    private static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("notification-service"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the project: " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs");
    }
}
