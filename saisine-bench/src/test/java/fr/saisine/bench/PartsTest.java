package fr.saisine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

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
    void shouldFileTheErasuresComplaintsAgainstCommunesEachWithItsOwnAddress() {
        JsonNode first = Http.JSON.readTree(Complaints.erasable("t", 0));
        JsonNode second = Http.JSON.readTree(Complaints.erasable("t", 1));

        assertThat(first.at("/respondent/type").asString()).isEqualTo("PUBLIC_BODY");
        assertThat(first.at("/respondent/activity").asString()).isEqualTo("commune");
        assertThat(first.at("/respondent/name").asString()).startsWith("Mairie de ");
        assertThat(first.at("/facts").asString()).doesNotContain("\n");
        assertThat(first.at("/complainant/email").asString()).isNotEqualTo(second.at("/complainant/email").asString());
    }

    @Test
    void shouldReadTheRetentionPeriodOfTheRunAndNoneInYears() {
        assertThat(Erasure.period("PT1M")).contains(java.time.Duration.ofMinutes(1));
        assertThat(Erasure.period("P1D")).contains(java.time.Duration.ofDays(1));
        assertThat(Erasure.period("P5Y")).isEmpty();
        assertThat(Erasure.period("")).isEmpty();
    }

    @Test
    void shouldCountTheAnswersARunStillWaitsForOverEveryService() {
        JsonNode record = Http.JSON.readTree("""
                {"services": ["intake", "notification", "triage"],
                 "unanswered": {"intake": ["26000001", "26000002"], "notification": ["26000002"], "triage": []}}""");

        assertThat(Erasure.unanswered(record)).isEqualTo(3);
        assertThat(Erasure.unanswered(Http.JSON.readTree("{\"unanswered\": {\"intake\": []}}"))).isZero();
    }

    @Test
    void shouldTellTheServicesAnswersToARunFromEveryOtherEvent() {
        JsonNode answer = Http.JSON.readTree("""
                {"type": "PersonalDataErased", "reference": "26000001", "payload": {"reference": "26000001",
                 "service": "intake", "runId": "20261207T101500Z-abc123", "erased": {"complaints": 1}}}""");
        JsonNode dataSubjectRequest = Http.JSON.readTree("""
                {"type": "PersonalDataErased", "payload": {"reference": "26000001", "service": "intake",
                 "runId": null}}""");
        JsonNode order = Http.JSON.readTree("""
                {"type": "ErasureOrdered", "payload": {"reference": "26000001", "runId": "20261207T101500Z-abc123"}}""");

        assertThat(AnswerWatcher.runOfAnswer(answer)).isEqualTo("20261207T101500Z-abc123");
        assertThat(AnswerWatcher.runOfAnswer(dataSubjectRequest)).isNull();
        assertThat(AnswerWatcher.runOfAnswer(order)).isNull();
    }

    @Test
    void shouldCountDocumentsAndCommandsByApplicationCollectionAndCommandWhateverTheLabelOrder() {
        String scrape = """
                # HELP saisine_db_writes_total Documents written to the database
                # TYPE saisine_db_writes_total counter
                saisine_db_writes_total{application="intake-service",collection="complaints",command="insert"} 120.0
                saisine_db_writes_total{command="update",collection="outbox",application="intake-service"} 1.0E3
                saisine_db_writes_total{collection="outbox", application="intake-service", command="insert",} 5.0
                saisine_db_writes_total{application="intake-service",collection="a,b}\\"c",command="delete"} 2 1700000000
                # HELP saisine_db_write_commands_total Database commands that wrote documents
                # TYPE saisine_db_write_commands_total counter
                saisine_db_write_commands_total{collection="complaints",command="insert",application="intake-service"} 100.0
                saisine_db_write_commands_total{application="intake-service",command="update",collection="outbox"} 1e3
                saisine_db_write_commands_total{command="insert",application="intake-service",collection="outbox"} 5.0
                saisine_db_write_commands_total{application="intake-service",collection="a,b}\\"c",command="delete"} 1.0
                saisine_db_writes_total_created{application="intake-service",command="insert"} 1.7E9
                saisine_dead_letters{topic="x"} 3.0
                """;

        DatabaseWrites.Reading reading = DatabaseWrites.parse(scrape).orElseThrow();

        assertThat(reading.documents()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "intake-service/complaints/insert", 120L, "intake-service/outbox/update", 1000L,
                "intake-service/outbox/insert", 5L, "intake-service/a,b}\"c/delete", 2L));
        assertThat(reading.commands()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "intake-service/complaints/insert", 100L, "intake-service/outbox/update", 1000L,
                "intake-service/outbox/insert", 5L, "intake-service/a,b}\"c/delete", 1L));
        assertThat(reading.documentsTotal()).isEqualTo(1127);
        assertThat(reading.commandsTotal()).isEqualTo(1106);
    }

    @Test
    void shouldStillReadAnOlderBuildThatCountsOnlyDocumentsByCommand() {
        String scrape = """
                saisine_db_writes_total{application="intake-service",command="insert"} 120.0
                saisine_db_writes_total{application="intake-service",command="update"} 30.0
                saisine_db_writes_total{command="findAndModify",application="intake-service"} 5.0
                """;

        DatabaseWrites.Reading reading = DatabaseWrites.parse(scrape).orElseThrow();

        assertThat(reading.documents()).containsExactlyInAnyOrderEntriesOf(Map.of("intake-service/?/insert", 120L,
                "intake-service/?/update", 30L, "intake-service/?/findAndModify", 5L));
        assertThat(reading.documentsTotal()).isEqualTo(155);
        assertThat(reading.commands()).isNull();
        assertThat(reading.commandsTotal()).isNull();
        assertThat(DatabaseWrites.parse("saisine_db_writes_total 7\n").orElseThrow().documents())
                .containsExactly(Map.entry("?/?/?", 7L));
        assertThat(DatabaseWrites.parse("saisine_ready 1.0\nsaisine_db_write_commands_total 3\n")).isEmpty();
    }

    @Test
    void shouldDivideWhatEachKeyGrewByTheComplaintsLargestFirstSummingToTheTotals() {
        var before = new DatabaseWrites.Reading(Map.of("intake-service/complaints/insert", 50L,
                "intake-service/outbox/update", 40L, "triage-service/cases/update", 7L),
                Map.of("intake-service/complaints/insert", 50L, "intake-service/outbox/update", 40L,
                        "triage-service/cases/update", 7L))
                .plus(new DatabaseWrites.Reading(Map.of("notification-service/mail_queue/insert", 10L), null));
        var after = new DatabaseWrites.Reading(Map.of("intake-service/complaints/insert", 350L,
                "intake-service/outbox/update", 640L, "triage-service/cases/update", 7L,
                "triage-service/cases/insert", 100L), Map.of("intake-service/complaints/insert", 350L,
                        "intake-service/outbox/update", 340L, "triage-service/cases/update", 7L,
                        "triage-service/cases/insert", 100L))
                .plus(new DatabaseWrites.Reading(Map.of("notification-service/mail_queue/insert", 310L),
                        Map.of("notification-service/mail_queue/insert", 310L)));

        var cost = DatabaseWrites.Cost.between(before, after, 300);

        assertThat(cost.documents()).isEqualTo(1300);
        assertThat(cost.commands()).isNull();
        assertThat(cost.commandsByKey()).isNull();
        assertThat(cost.documentsByKey()).containsExactly(Map.entry("intake-service/outbox/update", 2.0),
                Map.entry("intake-service/complaints/insert", 1.0),
                Map.entry("notification-service/mail_queue/insert", 1.0),
                Map.entry("triage-service/cases/insert", 0.333));
        assertThat(cost.documentsByKey().values().stream().mapToDouble(Double::doubleValue).sum() * 300)
                .isCloseTo(cost.documents(), org.assertj.core.data.Offset.offset(1.0));

        var counted = DatabaseWrites.Cost.between(after, after.plus(after), 100);

        assertThat(counted.commands()).isEqualTo(1107);
        assertThat(counted.commandsByKey()).containsExactly(Map.entry("intake-service/complaints/insert", 3.5),
                Map.entry("intake-service/outbox/update", 3.4),
                Map.entry("notification-service/mail_queue/insert", 3.1),
                Map.entry("triage-service/cases/insert", 1.0), Map.entry("triage-service/cases/update", 0.07));
        assertThat(counted.commandsByKey().values().stream().mapToDouble(Double::doubleValue).sum() * 100)
                .isCloseTo(1107, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(DatabaseWrites.Cost.between(before, after, 0).documentsByKey()).isNull();
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
