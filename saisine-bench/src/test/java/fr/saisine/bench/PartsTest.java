package fr.saisine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The offline pieces of each part: what is generated, parsed and counted without a stack. */
class PartsTest {

    @Test
    void shouldGenerateTheSameVariedComplaintsFromASeedAllRoutedToApsf() {
        assertThat(Complaints.apsf(1, 42)).isEqualTo(Complaints.apsf(1, 42));
        assertThat(Complaints.apsf(1, 42)).isNotEqualTo(Complaints.apsf(2, 42));
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            JsonNode json = Http.JSON.readTree(Complaints.apsf(1, i).json());
            assertThat(json.at("/respondent/type").asString()).isEqualTo("PUBLIC_BODY");
            assertThat(json.at("/category").asString()).isNotEqualTo("DELISTING");
            assertThat(json.at("/respondent/name").asString()).isEqualTo(Complaints.apsf(1, i).organisation());
            names.add(Complaints.apsf(1, i).complainant());
        }
        assertThat(names).hasSizeGreaterThan(100);
    }

    @Test
    void shouldSumTheWriteCounterOverEveryCommand() {
        String scrape = """
                # HELP saisine_db_writes_total Documents written to the database, by command
                # TYPE saisine_db_writes_total counter
                saisine_db_writes_total{application="intake-service",command="insert"} 120.0
                saisine_db_writes_total{application="intake-service",command="update"} 30.0
                saisine_db_writes_total{application="intake-service",command="findAndModify"} 5.0
                saisine_dead_letters{topic="x"} 3.0
                """;

        assertThat(DatabaseWrites.sum(scrape)).hasValue(155);
        assertThat(DatabaseWrites.sum("saisine_db_writes_total 7\n")).hasValue(7);
        assertThat(DatabaseWrites.sum("saisine_ready 1.0\n")).isEmpty();
    }

    @Test
    void shouldCountTheCasesOfEveryStatusWhateverTheShapeOfTheCounts() {
        assertThat(CaseCounts.total(Http.JSON.readTree("""
                [{"sector": {"code": "APSF"}, "open": 7, "counts": {"TRIAGED": 5, "UNDER_REVIEW": 2, "CLOSED": 1}}]
                """))).isEqualTo(8);
        assertThat(CaseCounts.total(Http.JSON.readTree("""
                {"sectors": [{"code": "APSF", "total": 3, "byStatus": [{"status": "TRIAGED", "count": 3}]}]}
                """))).isEqualTo(3);
    }

    @Test
    void shouldMakeATenMegabytePdfThatIsAlwaysTheSame() {
        byte[] pdf = Attachments.largePdf(1);

        assertThat(pdf).hasSize(Attachments.SIZE);
        assertThat(new String(pdf, 0, 8, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-1.7");
        assertThat(new String(pdf, pdf.length - 6, 6, StandardCharsets.ISO_8859_1)).isEqualTo("%%EOF\n");
        String head = new String(pdf, 0, 200, StandardCharsets.ISO_8859_1);
        int length = Integer.parseInt(head.replaceAll("(?s).*/Length (\\d+).*", "$1"));
        int streamStart = head.indexOf("stream\n") + "stream\n".length();
        assertThat(new String(pdf, streamStart + length, 10, StandardCharsets.ISO_8859_1)).isEqualTo("\nendstream");
        assertThat(Attachments.sha256(Attachments.largePdf(1))).isEqualTo(Attachments.sha256(pdf));
    }

    @Test
    void shouldSearchInTurnByReferenceComplainantAndOrganisation() {
        var entry = new SeedLog.Entry("26001234", "Hélène Lefèvre", "Mairie de Nîmes");

        assertThat(StaffViews.searchTerm(0, entry)).isEqualTo("26001");
        assertThat(StaffViews.searchTerm(1, entry)).isEqualTo("Hélène Lefèvre");
        assertThat(StaffViews.searchTerm(2, entry)).isEqualTo("Mairie de Nîmes");
    }
}
