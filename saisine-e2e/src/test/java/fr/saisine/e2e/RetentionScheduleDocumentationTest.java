package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;

import fr.saisine.testsupport.TestServers;

/**
 * docs/retention.md is the retention schedule as the code declares it: each service's
 * {@code retention-schedule.yml} and infra/kafka/retention-schedule.yml, with each period's default
 * read from the application.yml (or infra/kafka/access.conf) that sets it. The test fails when a
 * declared default differs from the configured one, and when the file differs from what they
 * make; run with {@code -Dsaisine.retention.write=true} it rewrites the file.
 */
class RetentionScheduleDocumentationTest {

    static final Path ROOT = TestServers.projectRoot();
    static final List<String> SERVICES = List.of("intake-service", "triage-service", "notification-service");
    static final String KAFKA = "infra/kafka/access.conf";
    static final Set<String> FATES = Set.of("erased", "anonymised", "archived", "kept");

    record Line(String store, String kind, String holds, String setting, String settingOf, String declared,
            String starts, String fate, String keeps, String why, String planned) {
    }

    @Test
    void shouldMatchWhatTheConfigurationSays() throws IOException {
        Path file = ROOT.resolve("docs/retention.md");
        String rendered = render(lines());
        if (Boolean.getBoolean("saisine.retention.write")) {
            Files.writeString(file, rendered, StandardCharsets.UTF_8);
        }
        assertThat(file).exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as("docs/retention.md is out of date: run ./mvnw -pl saisine-e2e -am test "
                        + "-Dtest=RetentionScheduleDocumentationTest -Dsurefire.failIfNoSpecifiedTests=false "
                        + "-Dsaisine.retention.write=true")
                .isEqualTo(rendered);
    }

    @Test
    void shouldHoldEveryDeclaredDefaultToTheConfiguration() throws IOException {
        List<String> checked = new ArrayList<>();
        for (Line line : lines()) {
            assertThat(FATES).as("fate of %s", line.kind()).contains(line.fate());
            if (line.setting() == null) {
                continue;
            }
            Duration declared = duration(line.declared());
            String configured = configured(line.settingOf(), line.setting());
            if (configured == null) {
                assertThat(line.planned() != null)
                        .as("%s is not set in %s's configuration, and the schedule does not say it is planned",
                                line.setting(), line.settingOf())
                        .isTrue();
                continue;
            }
            assertThat(duration(configured)).as("default of %s in %s (the schedule says %s)", line.setting(),
                    line.settingOf(), line.declared()).isEqualTo(declared);
            checked.add(line.setting());
            if (line.settingOf().equals(KAFKA)) {
                // the services' binder creates the same topics where it may, with the same defaults
                for (String service : SERVICES) {
                    String own = configured(service, line.setting());
                    if (own != null) {
                        assertThat(duration(own)).as("%s in %s", line.setting(), service).isEqualTo(declared);
                    }
                }
            }
        }
        assertThat(checked).as("the Kafka settings at least are configured").contains(
                "saisine.kafka.transport-retention-ms", "saisine.kafka.dead-letter-retention-ms",
                "saisine.kafka.audit-retention-ms", "saisine.kafka.case-views-max-compaction-lag-ms");
    }

    /** The value a setting has by default: from the service's application.yml, or access.conf's ${NAME:-default}. */
    static String configured(String source, String setting) throws IOException {
        if (source.equals(KAFKA)) {
            Matcher variable = Pattern.compile("\\$\\{" + Pattern.quote(environmentVariable(setting)) + ":-([^}]*)}")
                    .matcher(Files.readString(ROOT.resolve(KAFKA)));
            return variable.find() ? variable.group(1) : null;
        }
        Path yml = ROOT.resolve(source).resolve("src/main/resources/application.yml");
        for (PropertySource<?> properties : new YamlPropertySourceLoader().load("application.yml",
                new FileSystemResource(yml))) {
            Object value = properties.getProperty(setting);
            if (value != null) {
                return value.toString();
            }
        }
        return null;
    }

    /** An ISO-8601 duration (P5Y and P7D as periods of days), or milliseconds for Kafka's settings. */
    static Duration duration(String value) {
        if (value.matches("-?\\d+")) {
            return Duration.ofMillis(Long.parseLong(value));
        }
        if (value.contains("T")) {
            return Duration.parse(value);
        }
        Period period = Period.parse(value);
        return Duration.ofDays(period.getYears() * 365L + period.getMonths() * 30L + period.getDays());
    }

    /** As Spring Boot reads it from the environment: SAISINE_RETENTION_AFTER_CLOSING. */
    static String environmentVariable(String setting) {
        return setting.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    static List<Line> lines() throws IOException {
        List<Line> lines = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        SERVICES.forEach(service -> files.add(ROOT.resolve(service).resolve("src/main/resources/retention-schedule.yml")));
        files.add(ROOT.resolve("infra/kafka/retention-schedule.yml"));
        for (Path file : files) {
            Map<String, Object> schedule;
            try (InputStream in = Files.newInputStream(file)) {
                schedule = new Yaml().load(in);
            }
            String store = (String) schedule.get("service");
            for (Object each : (List<?>) schedule.get("records")) {
                Map<?, ?> line = (Map<?, ?>) each;
                String settingOf = (String) line.get("setting-of");
                lines.add(new Line(store, text(line, "kind"), text(line, "holds"), text(line, "setting"),
                        settingOf != null ? settingOf : store, text(line, "default"), text(line, "starts"),
                        text(line, "fate"), text(line, "keeps"), text(line, "why"), text(line, "planned")));
            }
        }
        return lines;
    }

    private static String text(Map<?, ?> line, String key) {
        Object value = line.get(key);
        return value == null ? null : value.toString().strip();
    }

    static String render(List<Line> lines) {
        StringBuilder md = new StringBuilder("""
                # Retention schedule

                <!-- Generated by RetentionScheduleDocumentationTest (saisine-e2e) from each service's
                     src/main/resources/retention-schedule.yml, infra/kafka/retention-schedule.yml and the
                     defaults in application.yml and infra/kafka/access.conf: do not edit by hand. Run
                     ./mvnw -pl saisine-e2e -am test -Dtest=RetentionScheduleDocumentationTest -Dsurefire.failIfNoSpecifiedTests=false -Dsaisine.retention.write=true
                     and commit this file with the change. -->

                *Generated from the configuration by `RetentionScheduleDocumentationTest`, which fails when
                this file, or a declared default, differs from it.*

                Every kind of record that holds personal data, in each service and each Kafka topic: how
                long it is kept, from which event, what becomes of it, and why (storage limitation, GDPR
                art. 5(1)(e)). Each period is a setting, an ISO-8601 duration (Kafka's in milliseconds,
                as Kafka takes them), overridden by its environment variable in Spring Boot's usual way.
                At the end of a period the record is *erased* (deleted, and left in no file of the
                database: docs/ferretdb.md), *anonymised* (what the statistics need is kept, nothing that
                identifies a person), *archived* (kept as a public record, without personal data), or
                *kept*. The case's erasure runs across the three services from one `ErasureOrdered`
                event (docs/events.md); each run leaves an elimination record (`eliminations`), the list
                an archivist signs (Code du patrimoine L212-2).

                Records without personal data are not listed: the reference counter (`reference_marks`),
                the sectors of each case (`case_sectors`), the jobs' leases (`job_leases`).

                """);
        String store = null;
        for (Line line : lines) {
            if (!line.store().equals(store)) {
                store = line.store();
                md.append("\n## ").append(store.equals("kafka") ? "Kafka topics" : store).append("\n\n")
                        .append("| records | hold | kept for | from | then | why |\n")
                        .append("| --- | --- | --- | --- | --- | --- |\n");
            }
            md.append("| `").append(line.kind()).append('`');
            if (line.planned() != null) {
                md.append(" (planned: ").append(line.planned()).append(')');
            }
            md.append(" | ").append(cell(line.holds())).append(" | ").append(period(line)).append(" | ")
                    .append(cell(line.starts())).append(" | ").append(line.fate());
            if (line.keeps() != null) {
                md.append(", keeping ").append(cell(line.keeps()));
            }
            md.append(" | ").append(cell(line.why())).append(" |\n");
        }
        md.append("""

                ## How the defaults were chosen

                - **Cases, five years after closing** (`saisine.retention.after-closing`, `P5Y`). A judgement,
                  to be confirmed by the authority's DPO and its archivist. The file is needed while the
                  decision may be challenged (two months before the Conseil d'État, plus one month overseas
                  and two abroad) and while a claim against the State for the handling of the complaint is
                  possible: the State's debts lapse four years from the 1 January after the fact (loi
                  n° 68-1250 of 31 December 1968), so up to five years after closing. The statistics keep the
                  anonymised case. An authority's records-management table (*tableau de gestion*) fixes the
                  file's administrative life (*durée d'utilité administrative*) and its final fate with the
                  archives (Code du patrimoine L212-2 to L212-3: no public record is destroyed without the
                  visa of the archives' administration); none was found published for complaint files of a
                  data-protection authority, so the period here should be aligned on the authority's own
                  table when it has one.
                - **Audit log, one year** (`saisine.retention.audit-log`, `P1Y`): CNIL's recommendation on
                  logging (délibération n° 2021-122 of 14 October 2021) advises six months to one year, and
                  up to three years only where a documented internal-control need justifies it. One year is
                  the upper end of the ordinary range, chosen because an access to a complaint is often
                  questioned months later; six months would also be defensible.
                - **Short-lived technical records** (upload leftovers, idempotency keys, form tokens: a day;
                  rate-limit slots: two hours): the shortest period that lets each do its job; judgements.
                - **Unconfirmed complaints, seven days** (`saisine.retention.unconfirmed`, planned, issue 24):
                  a judgement — a week to click the confirmation link.
                - **Kafka** (docs/adr/0001-personal-data-in-kafka.md): the topics are transport, the
                  databases hold the truth; a week covers a long weekend's outage of a consumer, two weeks
                  a look at the dead letters, a month the audit records' way to triage. A record goes at
                  most a `segment.ms` (1 day, `SAISINE_KAFKA_SEGMENT_MS`) after its period, as Kafka
                  deletes whole segments.
                """);
        return md.toString();
    }

    static String period(Line line) {
        if (line.setting() == null) {
            return "—";
        }
        String shown = line.declared();
        Duration duration = duration(line.declared());
        long days = duration.toDays();
        String human = days >= 365 && days % 365 == 0 ? counted(days / 365, "year")
                : days > 0 && duration.toHours() % 24 == 0 ? counted(days, "day") : counted(duration.toHours(), "hour");
        if (line.settingOf().equals(KAFKA)) {
            shown = String.valueOf(duration.toMillis());
        }
        return human + " — `" + line.setting() + "` = `" + shown + "` (`"
                + environmentVariable(line.setting()) + "`)";
    }

    private static String counted(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
