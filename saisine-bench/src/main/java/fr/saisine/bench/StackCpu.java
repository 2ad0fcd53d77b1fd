package fr.saisine.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CPU the stack's processes use, read from the system (user and system time, with their
 * children's): on a machine where the whole stack and the benchmark share the cores, what a
 * complaint costs each of them says which one the next gain must come from, and how many
 * complaints a second the cores could carry at that cost.
 */
final class StackCpu {

    static final String BENCHMARK = "benchmark";

    private final Map<String, Long> pids;

    /** @param pids the processes by name; the benchmark's own is added */
    StackCpu(Map<String, Long> pids) {
        Map<String, Long> all = new LinkedHashMap<>(pids);
        all.put(BENCHMARK, ProcessHandle.current().pid());
        this.pids = Map.copyOf(all);
    }

    /**
     * CPU used so far by each process still running, with its living descendants (the stack's
     * processes are long-lived; a child that has exited is no longer counted).
     */
    Map<String, Duration> read() {
        Map<String, Duration> used = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ProcessHandle.of(pid).map(StackCpu::withDescendants)
                .ifPresent(total -> used.put(name, total)));
        return used;
    }

    private static Duration withDescendants(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants())
                .map(each -> each.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** The milliseconds of CPU each process used per complaint between two readings, largest first. */
    static Optional<Report.Cpu> perComplaint(Map<String, Duration> before, Map<String, Duration> after, int complaints,
            int cores) {
        if (complaints == 0 || before.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> ms = new LinkedHashMap<>();
        List<Map.Entry<String, Double>> used = before.keySet().stream().filter(after::containsKey)
                // a descendant that exited meanwhile takes its time with it: never below zero
                .map(name -> Map.entry(name, Math.max(0, after.get(name).minus(before.get(name)).toNanos())
                        / 1e6 / complaints))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        used.forEach(each -> ms.put(each.getKey(), Report.round(each.getValue())));
        double total = used.stream().mapToDouble(Map.Entry::getValue).sum();
        return Optional.of(new Report.Cpu(ms, Report.round(total), cores,
                total == 0 ? null : Report.round(cores * 1000 / total)));
    }

    /** {@code name=pid,name=pid}, as ./saisine passes the stack's processes. */
    static Map<String, Long> parse(String processes) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String each : processes.split(",")) {
            if (each.isBlank()) {
                continue;
            }
            String[] nameAndPid = each.strip().split("=", 2);
            try {
                pids.put(nameAndPid[0], Long.parseLong(nameAndPid[1]));
            }
            catch (RuntimeException ex) {
                throw new IllegalArgumentException("--processes takes name=pid,name=pid, got '" + each + "'");
            }
        }
        return pids;
    }
}
