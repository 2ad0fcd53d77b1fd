package fr.saisine.triage.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.saisine.events.CaseSummary;
import fr.saisine.events.Category;
import fr.saisine.events.ComplaintTriaged.Sector;
import fr.saisine.events.Priority;
import fr.saisine.events.StaffActor;
import fr.saisine.triage.views.domain.CaseViews;
import fr.saisine.triage.views.domain.ViewPage;

/** The staff views' indexes, in memory: what the queues, counts and search read. */
class CaseViewsTests {

    static final Sector APSF = new Sector("APSF", "Affaires publiques, sociales et financières");
    static final Sector NUM = new Sector("NUM", "Numérique");
    static final List<String> OPEN = List.of("SUBMITTED", "TRIAGED", "UNDER_REVIEW", "INFORMATION_REQUESTED",
            "INTERVENTION", "REOPENED");

    final CaseViews views = new CaseViews();

    static CaseSummary summary(String reference, long version, Sector sector, String status, String complainant,
            String respondent, Instant submittedAt) {
        return summary(reference, version, sector, status, complainant, respondent, submittedAt, null);
    }

    static CaseSummary summary(String reference, long version, Sector sector, String status, String complainant,
            String respondent, Instant submittedAt, String relatedKey) {
        return new CaseSummary(reference, version, sector, status, null, Priority.NORMAL, Category.ACCESS_RIGHT,
                submittedAt, "Accès refusé", complainant, respondent, submittedAt.plusSeconds(version), relatedKey);
    }

    static CaseSummary summary(String reference, long version, Sector sector, String status) {
        return related(reference, version, sector, status, null);
    }

    /** A summary as {@link #summary(String, long, Sector, String)} makes it, with this related key. */
    static CaseSummary related(String reference, long version, Sector sector, String status, String relatedKey) {
        return summary(reference, version, sector, status, "Jeanne Dupont", "Mairie de Lyon",
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(Long.parseLong(reference) % 100_000), relatedKey);
    }

    ViewPage queue(Sector sector) {
        return views.queue(sector.code(), OPEN, c -> true, 0, 200);
    }

    @Test
    void shouldCountEachCaseOnceInItsSectorAndStatus() {
        views.apply(summary("26000001", 1, APSF, "TRIAGED"));
        views.apply(summary("26000002", 1, APSF, "TRIAGED"));
        views.apply(summary("26000003", 1, NUM, "TRIAGED"));
        views.apply(summary("26000002", 2, APSF, "UNDER_REVIEW"));
        views.apply(summary("26000003", 2, NUM, "CLOSED"));

        assertThat(views.counts("APSF")).isEqualTo(Map.of("TRIAGED", 1L, "UNDER_REVIEW", 1L));
        assertThat(views.counts("NUM")).isEqualTo(Map.of("CLOSED", 1L));
        assertThat(views.size()).isEqualTo(3);
    }

    @Test
    void shouldListRelatedCasesOnceEachOldestFirstWhateverTheirSector() {
        views.apply(related("26000003", 1, APSF, "TRIAGED", "mairie de lyon|ACCESS_RIGHT"));
        views.apply(related("26000001", 1, NUM, "TRIAGED", "mairie de lyon|ACCESS_RIGHT"));
        views.apply(related("26000002", 1, APSF, "TRIAGED", "banque|ACCESS_RIGHT"));
        views.apply(related("26000001", 2, APSF, "TRIAGED", "mairie de lyon|ACCESS_RIGHT"));
        views.apply(related("26000003", 1, APSF, "TRIAGED", "mairie de lyon|ACCESS_RIGHT"));

        assertThat(views.related("mairie de lyon|ACCESS_RIGHT", 10)).containsExactly("26000001", "26000003");
        assertThat(views.related("mairie de lyon|ACCESS_RIGHT", 1)).containsExactly("26000001");
        assertThat(views.related("banque|ACCESS_RIGHT", 10)).containsExactly("26000002");
        assertThat(views.related("nobody|OTHER", 10)).isEmpty();
    }

    @Test
    void shouldListACaseInExactlyOneQueueOldestFirst() {
        views.apply(summary("26000002", 1, APSF, "TRIAGED"));
        views.apply(summary("26000001", 1, APSF, "TRIAGED"));
        views.apply(summary("26000001", 2, APSF, "UNDER_REVIEW"));

        ViewPage apsf = queue(APSF);
        assertThat(apsf.references()).containsExactly("26000001", "26000002");
        assertThat(apsf.total()).isEqualTo(2);
        assertThat(queue(NUM).references()).isEmpty();
        assertThat(views.queue("APSF", List.of("UNDER_REVIEW"), c -> true, 0, 50).references())
                .containsExactly("26000001");
    }

    @Test
    void shouldTakeACaseMovedToAnotherSectorFromOneQueueToTheOther() {
        views.apply(summary("26000001", 1, APSF, "TRIAGED"));
        views.apply(summary("26000001", 2, NUM, "TRIAGED"));

        assertThat(queue(APSF).references()).isEmpty();
        assertThat(queue(NUM).references()).containsExactly("26000001");
        assertThat(views.counts("APSF")).isEmpty();
        assertThat(views.counts("NUM")).isEqualTo(Map.of("TRIAGED", 1L));
    }

    @Test
    void shouldChangeNothingForARedeliveredOrOlderSummary() {
        CaseSummary moved = summary("26000001", 2, NUM, "UNDER_REVIEW");
        views.apply(summary("26000001", 1, APSF, "TRIAGED"));
        views.apply(moved);

        assertThat(views.apply(moved)).isFalse();
        assertThat(views.apply(summary("26000001", 1, APSF, "TRIAGED"))).isFalse();

        assertThat(views.get("26000001")).isEqualTo(moved);
        assertThat(views.counts("APSF")).isEmpty();
        assertThat(views.counts("NUM")).isEqualTo(Map.of("UNDER_REVIEW", 1L));
    }

    @Test
    void shouldPageAQueueAndFilterIt() {
        for (int i = 1; i <= 120; i++) {
            CaseSummary c = summary("26%06d".formatted(i), 1, APSF, i % 2 == 0 ? "TRIAGED" : "UNDER_REVIEW");
            views.apply(i % 3 == 0 ? withAssignee(c, new StaffActor("s-1", "agent-apsf", "Agent")) : c);
        }

        ViewPage second = views.queue("APSF", OPEN, c -> true, 1, 50);
        assertThat(second.total()).isEqualTo(120);
        assertThat(second.references()).hasSize(50).first().isEqualTo("26000051");
        ViewPage assigned = views.queue("APSF", List.of("TRIAGED"), c -> c.assignee() != null, 0, 200);
        assertThat(assigned.total()).isEqualTo(20); // even and a multiple of 3: 6, 12, ... 120
    }

    @Test
    void shouldFindByReferencePrefixComplainantWithoutAccentsAndOrganisation() {
        Instant at = Instant.parse("2026-02-01T00:00:00Z");
        views.apply(summary("26000101", 1, APSF, "TRIAGED", "Hélène Lefèvre", "Caisse d'Allocations", at));
        views.apply(summary("26000102", 1, APSF, "CLOSED", "Marc Martin", "Hôpital Saint-Éloi", at));
        views.apply(summary("25000103", 1, APSF, "TRIAGED", "Zoé Durand", "Banque Exemple", at));

        assertThat(views.search(Set.of("APSF"), "260001", 0, 50).references())
                .containsExactly("26000102", "26000101");
        assertThat(views.search(Set.of("APSF"), "HELENE lefevre", 0, 50).references()).containsExactly("26000101");
        assertThat(views.search(Set.of("APSF"), "saint-eloi", 0, 50).references()).containsExactly("26000102");
        assertThat(views.search(Set.of("APSF"), "exempl", 0, 50).references()).containsExactly("25000103");
    }

    @Test
    void shouldNeverFindACaseOfAnotherSector() {
        Instant at = Instant.parse("2026-02-01T00:00:00Z");
        views.apply(summary("26000201", 1, NUM, "TRIAGED", "Hélène Lefèvre", "Réseau social X", at));

        assertThat(views.search(Set.of("APSF"), "lefevre", 0, 50).total()).isZero();
        assertThat(views.search(Set.of("APSF"), "26000201", 0, 50).total()).isZero();
        assertThat(views.search(Set.of("APSF", "NUM"), "26000201", 0, 50).references()).containsExactly("26000201");
    }

    static CaseSummary withAssignee(CaseSummary c, StaffActor assignee) {
        return new CaseSummary(c.reference(), c.version(), c.sector(), c.status(), assignee, c.priority(),
                c.category(), c.submittedAt(), c.subject(), c.complainantName(), c.respondentName(), c.updatedAt(), null);
    }
}
