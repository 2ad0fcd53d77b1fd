package fr.saisine.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import fr.saisine.testsupport.TestServers;

/**
 * Runs scripts/openapi-check.sh on API descriptions: openapi-spec-validator, the PEP 440 check of
 * info.version and Redocly's lint, each installed by the script (pinned, once) when missing. An
 * install that fails fails the check, with the script's reason: no test is skipped for it.
 */
final class OpenApiCheck {

    /** A first install fetches the tools from PyPI and npm; later runs take seconds. */
    private static final long TIMEOUT_MINUTES = 5;

    record Result(int exit, String output) {

        boolean passed() {
            return exit == 0;
        }
    }

    private OpenApiCheck() {
    }

    static Result of(Path... descriptions) throws IOException, InterruptedException {
        Path root = TestServers.projectRoot();
        Path output = Files.createTempFile(root.resolve("saisine-e2e/target"), "openapi-check", ".txt");
        List<String> command = new ArrayList<>(List.of(root.resolve("scripts/openapi-check.sh").toString()));
        for (Path description : descriptions) {
            command.add(description.toAbsolutePath().toString());
        }
        Process check = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!check.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            check.destroyForcibly().waitFor();
            return new Result(-1, "scripts/openapi-check.sh did not finish in " + TIMEOUT_MINUTES + " minutes:\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Result(check.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
