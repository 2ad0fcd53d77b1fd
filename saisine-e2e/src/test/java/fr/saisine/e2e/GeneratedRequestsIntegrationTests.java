package fr.saisine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import fr.saisine.testsupport.StaffTokens;
import fr.saisine.testsupport.TestServers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The short version of {@code ./saisine fuzz}: schemathesis sends each service requests generated
 * from its own /v3/api-docs (valid and invalid bodies, parameters and headers), without a token and
 * with real ones, and every answer must be no server error and exactly as described: its status,
 * content type, headers and body. A few hundred requests in all; the full run has tens of thousands.
 */
class GeneratedRequestsIntegrationTests {

    /** What `./saisine fuzz` checks too (scripts/lib.sh). */
    static final String CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,"
            + "response_headers_conformance,response_schema_conformance";
    static final JsonMapper json = JsonMapper.builder().build();
    static final StaffTokens tokens = StaffTokens.ofTestServers();
    static RunningStack stack;

    @BeforeAll
    static void theStack() throws Exception {
        stack = RunningStack.get();
    }

    static Stream<Arguments> callers() {
        return Stream.of(
                // the filing, the complaint and its attachments, and the complainant's follow-up:
                // read, answer, withdraw; the DPO's part of a data-subject request, and its files
                Arguments.of("intake", "anonymous", 8),
                Arguments.of("intake", "agent-apsf", 8),
                // the case, its four changes, the sector's queue and counts, the search, the audit log;
                // the legal hold (set, lift), the elimination records (list, one), the DPO's requests
                // (read, erase)
                Arguments.of("triage", "anonymous", 15),
                Arguments.of("triage", "agent-apsf", 15),
                Arguments.of("triage", "auditor", 15),
                Arguments.of("triage", "dpo", 15),
                // the letters of a complaint; the DPO's part of a data-subject request
                Arguments.of("notification", "anonymous", 2),
                Arguments.of("notification", "agent-apsf", 2));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("callers")
    void everyGeneratedRequestGetsADocumentedAnswer(String service, String caller, int operations) throws Exception {
        Path reports = TestServers.projectRoot().resolve("saisine-e2e/target/schemathesis/" + service + "-" + caller);
        Files.createDirectories(reports);
        Path output = reports.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of(schemathesis().toString(), "run",
                stack.service(service).url("/v3/api-docs").toString(),
                "--checks", CHECKS,
                // few examples, and a fixed seed: the same requests at every run, so a failure reproduces
                "--max-examples", "4", "--seed", "20261126",
                "--phases", "examples,coverage,fuzzing",
                "--generation-database", "none", "--no-color",
                "--report", "json", "--report-dir", reports.toString()));
        if (!"anonymous".equals(caller)) {
            command.addAll(List.of("--header", "Authorization: Bearer " + tokens.accessToken(caller)));
        }
        Process run = new ProcessBuilder(command).directory(reports.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!run.waitFor(3, TimeUnit.MINUTES)) {
            run.destroyForcibly();
        }
        String said = Files.readString(output, StandardCharsets.UTF_8);

        assertThat(run.exitValue()).as("schemathesis against %s as %s said:%n%s", service, caller, said).isZero();
        JsonNode report = json.readTree(newestReport(reports).toFile());
        assertThat(report.at("/operations/tested").asInt()).as(said).isEqualTo(operations);
        assertThat(report.at("/test_cases/generated").asInt()).as(said).isGreaterThan(operations * 10);
        assertThat(report.get("failures")).as(said).isEmpty();
        assertThat(report.get("errors")).as(said).isEmpty();
    }

    /** The venv `./saisine test` makes (ensure_schemathesis in scripts/lib.sh), named by SAISINE_SCHEMATHESIS. */
    static Path schemathesis() throws IOException {
        String given = System.getenv("SAISINE_SCHEMATHESIS");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path installed = TestServers.projectRoot().resolve(".saisine/tools");
        if (!Files.isDirectory(installed)) {
            throw new IllegalStateException("schemathesis is not installed: ./saisine test installs it (or ./saisine fuzz)");
        }
        try (Stream<Path> tools = Files.list(installed)) {
            return tools.filter(dir -> dir.getFileName().toString().startsWith("schemathesis-"))
                    .map(dir -> dir.resolve("bin/st")).filter(Files::isExecutable).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException(
                            "schemathesis is not installed: ./saisine test installs it (or ./saisine fuzz)"));
        }
    }

    private static Path newestReport(Path reports) throws IOException {
        try (Stream<Path> files = Files.list(reports)) {
            return files.filter(f -> f.getFileName().toString().startsWith("json-")).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("schemathesis wrote no report in " + reports));
        }
    }
}
