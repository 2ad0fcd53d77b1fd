package fr.saisine.ops.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The stack ./saisine up started, hurt and healed through ./saisine's own process handling. */
public final class ScriptedStack implements StackControl {

    private final Path launcher;

    public ScriptedStack(Path launcher) {
        this.launcher = launcher;
    }

    @Override
    public void kill(String component) {
        run("_kill", component);
    }

    @Override
    public void start(String component) {
        run("_start", component);
    }

    @Override
    public void pause(String component) {
        run("_pause", component);
    }

    @Override
    public void resume(String component) {
        run("_resume", component);
    }

    private void run(String command, String component) {
        try {
            Process process = new ProcessBuilder(List.of(launcher.toString(), command, component))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("./saisine " + command + " " + component + " failed: " + output.strip());
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException("could not run " + launcher, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }
}
