package fr.saisine.triage.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.saisine.events.Category;
import fr.saisine.events.ClosureOutcome;
import fr.saisine.events.ComplaintSubmitted.Attachment;
import fr.saisine.events.ComplaintTriaged.Sector;
import fr.saisine.events.ErasureOrdered;
import fr.saisine.events.ErasureRule;
import fr.saisine.events.Priority;
import fr.saisine.events.RespondentType;
import fr.saisine.events.StaffActor;

/** What an anonymised case keeps for the statistics, and what it no longer holds of anyone. */
class CaseAnonymisationTests {

    static final Instant T0 = Instant.parse("2020-03-01T10:00:00Z");
    static final StaffActor AGENT = new StaffActor("sub-1", "agent-apsf", "Claire Martin");
    static final Sector APSF = new Sector("APSF", "Affaires publiques");
    static final Sector NUM = new Sector("NUM", "Numérique");

    static TriagedCase worked(RespondentType type, String respondent) {
        var closed = new TriagedCase.StatusChange(CaseStatus.CLOSED, T0.plusSeconds(300), AGENT, "note de Claire",
                ClosureOutcome.NO_BREACH, null, null, "paragraphe pour Jeanne", null, null, List.of());
        var answered = new TriagedCase.StatusChange(CaseStatus.UNDER_REVIEW, T0.plusSeconds(200),
                StaffActor.complainant("Jeanne Dupont"), null, null, null, null, null, "réponse de Jeanne", null,
                List.of(new Attachment("a1", "jeanne.pdf", "application/pdf", 10, "ab")));
        return new TriagedCase("26000001", CaseStatus.CLOSED, APSF, "public-bodies", "organisation mentions 'mairie'",
                Priority.HIGH, "mentions 'enfants'", "Caméras chez Jeanne", respondent, Category.VIDEO_SURVEILLANCE, T0,
                "key-of-respondent",
                List.of(TriagedCase.StatusChange.automatic(CaseStatus.SUBMITTED, T0),
                        TriagedCase.StatusChange.automatic(CaseStatus.TRIAGED, T0.plusSeconds(1)), answered, closed),
                AGENT, ClosureOutcome.NO_BREACH, null, "Où habitez-vous, Jeanne ?",
                List.of(new TriagedCase.SectorMove(NUM, APSF, "Jeanne écrit à la mairie", AGENT, T0.plusSeconds(100))),
                List.of(new TriagedCase.Note("Jeanne a appelé", AGENT, T0.plusSeconds(150))), 0,
                List.of(new Attachment("a0", "plainte-jeanne.pdf", "application/pdf", 10, "cd")), "Jeanne Dupont", type,
                List.of(new TriagedCase.LegalHoldChange(true, "recours de Jeanne", AGENT, T0.plusSeconds(400)),
                        new TriagedCase.LegalHoldChange(false, "rejeté", AGENT, T0.plusSeconds(500))),
                null);
    }

    @Test
    void shouldKeepWhatTheStatisticsNeedAndNothingThatNamesOrDescribesAPerson() {
        Instant now = Instant.parse("2026-03-01T02:30:00Z");
        TriagedCase erased = worked(RespondentType.INDIVIDUAL, "Paul Voisin").anonymised(now);

        assertThat(erased.anonymisedAt()).isEqualTo(now);
        assertThat(erased.reference()).isEqualTo("26000001");
        assertThat(erased.sector()).isEqualTo(APSF);
        assertThat(erased.category()).isEqualTo(Category.VIDEO_SURVEILLANCE);
        assertThat(erased.priority()).isEqualTo(Priority.HIGH);
        assertThat(erased.outcome()).isEqualTo(ClosureOutcome.NO_BREACH);
        assertThat(erased.submittedAt()).isEqualTo(T0);
        assertThat(erased.respondentType()).isEqualTo(RespondentType.INDIVIDUAL);
        assertThat(erased.lastClosedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(erased.history()).extracting(TriagedCase.StatusChange::status).containsExactly(CaseStatus.SUBMITTED,
                CaseStatus.TRIAGED, CaseStatus.UNDER_REVIEW, CaseStatus.CLOSED);
        assertThat(erased.moves()).extracting(TriagedCase.SectorMove::to).containsExactly(APSF);
        assertThat(erased.notes()).extracting(TriagedCase.Note::at).containsExactly(T0.plusSeconds(150));
        assertThat(erased.legalHolds()).extracting(TriagedCase.LegalHoldChange::held).containsExactly(true, false);

        assertThat(erased.respondentName()).as("an individual").isNull();
        assertThat(erased.relatedKey()).as("derived from the individual's name").isNull();
        assertThat(erased.assignee()).isNull();
        assertThat(erased.attachments()).isEmpty();
        assertThat(erased.toString()).doesNotContain("Jeanne", "Claire", "Paul", "agent-apsf", "sub-1", ".pdf", "rejeté");
        assertThat(erased.routingReason()).as("configured words, not the complaint's").contains("mairie");
        assertThat(erased.summary(9, now).toString()).doesNotContain("Jeanne", "Claire", "Paul");
    }

    @Test
    void shouldKeepTheNameOfALegalPerson() {
        TriagedCase erased = worked(RespondentType.PUBLIC_BODY, "Mairie de Lyon").anonymised(Instant.now());

        assertThat(erased.respondentName()).isEqualTo("Mairie de Lyon");
        assertThat(erased.relatedKey()).isEqualTo("key-of-respondent");
    }

    @Test
    void shouldOrderTheErasureInTheSameChangeAndRefuseAnyLaterChange() {
        Case closed = new Case(worked(RespondentType.COMPANY, "Banque"), 7);

        Case.Change change = closed.anonymise(ErasureRule.AFTER_CLOSING, "run-1", Instant.now());

        assertThat(change.version()).isEqualTo(8);
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(ErasureOrdered.class,
                order -> assertThat(order.runId()).isEqualTo("run-1"));
        Case anonymised = new Case(change.state(), change.version());
        assertThatThrownBy(() -> anonymised.note("encore", AGENT, Instant.now())).isInstanceOf(InvalidChangeException.class);
        assertThatThrownBy(() -> anonymised.holdForLegalReasons("recours", AGENT, Instant.now()))
                .isInstanceOf(InvalidChangeException.class);
        assertThatThrownBy(() -> anonymised.transition(new TransitionRequest(CaseStatus.REOPENED, null, null, null,
                null, null), AGENT, Instant.now())).isInstanceOf(InvalidChangeException.class);
    }
}
