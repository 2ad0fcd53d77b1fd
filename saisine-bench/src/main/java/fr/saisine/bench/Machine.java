package fr.saisine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The machine the figures came from, as they should be quoted with them. */
record Machine(String cpu, int cores, double memoryGiB, String os, String jdk) {

    static Machine here() {
        return new Machine(readCpuModel(), Runtime.getRuntime().availableProcessors(), Math.round(readMemoryGiB() * 10) / 10.0,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
    }

    String describe() {
        return "%s, %d cores, %.1f GiB, %s, Java %s".formatted(cpu, cores, memoryGiB, os, jdk);
    }

    private static String readCpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        }
        catch (IOException ex) {
            return "unknown CPU";
        }
    }

    private static double readMemoryGiB() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0).orElse(0.0);
        }
        catch (IOException ex) {
            return 0;
        }
    }
}
