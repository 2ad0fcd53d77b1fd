package fr.saisine.triage.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import fr.saisine.events.CaseSummary;
import fr.saisine.events.Category;
import fr.saisine.events.ComplaintTriaged.Sector;
import fr.saisine.events.Priority;
import fr.saisine.triage.views.domain.CaseViews;

/**
 * The staff views at an authority's volumes, in memory: 10,000 and 100,000 cases, 200 reads of
 * each view, p95 printed and held under 300 ms; and the heap a case costs. The figures are in
 * docs/read-models.md.
 */
class CaseViewsAtScaleTests {

    static final Sector[] SECTORS = {new Sector("APSF", "Affaires publiques"), new Sector("ECO", "Économie"),
            new Sector("NUM", "Numérique"), new Sector("ACC", "Accueil")};
    static final String[] STATUSES = {"TRIAGED", "UNDER_REVIEW", "INFORMATION_REQUESTED", "INTERVENTION", "CLOSED",
            "CLOSED", "CLOSED", "REOPENED"};
    static final String[] NAMES = {"Hélène", "Jean", "Zoé", "Marc", "Amélie", "Noël", "Loïc", "Chloé"};
    static final String[] FAMILIES = {"Dupont", "Lefèvre", "Martin", "Durand", "Bernard", "Petit", "Moreau", "Rousseau"};

    static CaseViews loaded(int cases) {
        CaseViews views = new CaseViews();
        Instant start = Instant.parse("2021-01-01T00:00:00Z");
        for (int i = 0; i < cases; i++) {
            Instant at = start.plusSeconds(i * 1_500L);
            views.apply(new CaseSummary("%02d%06d".formatted(21 + i / 20_000, i % 20_000 + 1), 1 + i % 5,
                    SECTORS[i % 4], STATUSES[(i / 4) % STATUSES.length], null, i % 7 == 0 ? Priority.HIGH : Priority.NORMAL,
                    Category.values()[i % Category.values().length], at, "Objet de la saisine " + i,
                    NAMES[i % 8] + " " + FAMILIES[(i / 8) % 8] + "-" + i, "Organisme n°" + (i % 3_000) + " Société Générale",
                    at, null));
        }
        return views;
    }

    static double p95Millis(Supplier<Object> read) {
        long[] nanos = new long[200];
        for (int i = 0; i < 20; i++) {
            read.get(); // warm up
        }
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            read.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[(int) Math.ceil(nanos.length * 0.95) - 1] / 1e6;
    }

    static double[] measure(CaseViews views) {
        Set<String> mine = Set.of("APSF");
        return new double[] {
                p95Millis(() -> views.counts("APSF")),
                p95Millis(() -> views.queue("APSF", List.of("UNDER_REVIEW"), c -> true, 0, 50)),
                p95Millis(() -> views.queue("APSF", List.of("TRIAGED", "UNDER_REVIEW", "INFORMATION_REQUESTED",
                        "INTERVENTION", "REOPENED"), c -> true, 3, 50)),
                p95Millis(() -> views.search(mine, "2500", 0, 50)),
                p95Millis(() -> views.search(mine, "helene lefevre", 0, 50)),
                p95Millis(() -> views.search(mine, "organisme n°1234", 0, 50)) };
    }

    @Test
    void shouldServeEveryViewWithinTheGoalAt100000Cases() {
        String[] names = {"counts", "queue by status", "open queue, page 4", "search reference", "search name",
                "search organisation"};
        double[] at10k = measure(loaded(10_000));
        double[] at100k = measure(loaded(100_000));
        for (int i = 0; i < names.length; i++) {
            System.out.printf("case views p95 %-22s 10k: %8.3f ms   100k: %8.3f ms%n", names[i], at10k[i], at100k[i]);
            assertThat(at100k[i]).as("p95 of %s at 100,000 cases", names[i]).isLessThan(300);
        }
    }

    @Test
    void shouldHoldACaseInAFewHundredBytes() {
        Runtime runtime = Runtime.getRuntime();
        long before = used(runtime);
        CaseViews views = loaded(100_000);
        long after = used(runtime);
        long perCase = (after - before) / views.size();
        System.out.printf("case views: %d cases held in %d MB, %d bytes per case%n", views.size(),
                (after - before) >> 20, perCase);
        assertThat(perCase).isLessThan(4_000);
    }

    private static long used(Runtime runtime) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
