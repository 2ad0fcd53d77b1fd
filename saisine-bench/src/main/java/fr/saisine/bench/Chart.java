package fr.saisine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

/**
 * The chart issue 8 asks for: the p95 of each staff view against the number of cases, one point per
 * saved run (the latest run at each number of cases), with the 300 ms goal; an SVG written by the
 * benchmark itself, so that nothing else need be installed.
 */
final class Chart {

    static final List<String> COLOURS = List.of("#000091", "#e1000f", "#18753c", "#b34000");
    static final double GOAL_MS = 300;
    private static final int WIDTH = 720;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 160;
    private static final int TOP = 50;
    private static final int BOTTOM = 70;

    private Chart() {
    }

    /** Reads every run in {@code runs}, writes the SVG, answers how many runs it used. */
    static int render(Path runs, Path svg) throws IOException {
        Map<Long, JsonNode> byCases = new TreeMap<>();
        Map<Long, String> startedAt = new TreeMap<>();
        try (Stream<Path> files = Files.list(runs)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode run = Http.JSON.readTree(Files.readString(file));
                JsonNode staff = run.path("staff");
                if (!staff.isObject() || staff.path("cases").asLong() <= 0) {
                    continue;
                }
                long cases = staff.path("cases").asLong();
                String started = run.path("startedAt").asString("");
                if (!byCases.containsKey(cases) || started.compareTo(startedAt.get(cases)) > 0) {
                    byCases.put(cases, run);
                    startedAt.put(cases, started);
                }
            }
        }
        if (byCases.isEmpty()) {
            throw new IllegalArgumentException("no run with staff views in " + runs);
        }
        if (svg.getParent() != null) {
            Files.createDirectories(svg.getParent());
        }
        Files.writeString(svg, svg(byCases));
        return byCases.size();
    }

    static String svg(Map<Long, JsonNode> byCases) {
        List<Long> cases = new ArrayList<>(byCases.keySet());
        double maxMs = GOAL_MS;
        for (JsonNode run : byCases.values()) {
            for (String view : StaffViews.VIEWS) {
                maxMs = Math.max(maxMs, run.at("/staff/p95Ms/" + view).asDouble(0));
            }
        }
        double yMax = niceCeiling(maxMs * 1.1);
        double xMin = Math.log10(cases.getFirst()) - 0.15;
        double xMax = Math.log10(cases.getLast()) + 0.15;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        var out = new StringBuilder();
        out.append("""
                <svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" \
                font-family="Marianne, Arial, sans-serif" font-size="12" role="img" \
                aria-labelledby="title">
                <title id="title">Staff views: p95 response time against the number of cases</title>
                <rect width="100%%" height="100%%" fill="#ffffff"/>
                <text x="%d" y="28" font-size="16" font-weight="bold">Staff views: p95 against the number of cases</text>
                """.formatted(WIDTH, HEIGHT, WIDTH, HEIGHT, LEFT));
        for (int i = 0; i <= 5; i++) {
            double ms = yMax * i / 5;
            double y = TOP + plotH - plotH * ms / yMax;
            out.append("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/>\n"
                    .formatted(LEFT, y, LEFT + plotW, y));
            out.append("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f ms</text>\n".formatted(LEFT - 8, y + 4, ms));
        }
        double goalY = TOP + plotH - plotH * GOAL_MS / yMax;
        out.append("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#666666\" stroke-dasharray=\"6 4\"/>\n"
                .formatted(LEFT, goalY, LEFT + plotW, goalY));
        out.append("<text x=\"%d\" y=\"%.1f\" fill=\"#666666\">goal 300 ms</text>\n".formatted(LEFT + plotW + 6,
                goalY + 4));
        for (long n : cases) {
            double x = LEFT + plotW * (Math.log10(n) - xMin) / (xMax - xMin);
            out.append("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999999\"/>\n"
                    .formatted(x, TOP + plotH, x, TOP + plotH + 5));
            out.append("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n".formatted(x, TOP + plotH + 20,
                    "%,d".formatted(n).replace(',', ' ')));
        }
        out.append("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\"/>\n"
                .formatted(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH));
        out.append("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333333\"/>\n"
                .formatted(LEFT, TOP, LEFT, TOP + plotH));
        out.append("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">cases in the sector (log scale)</text>\n"
                .formatted(LEFT + plotW / 2, TOP + plotH + 42));
        for (int v = 0; v < StaffViews.VIEWS.size(); v++) {
            String view = StaffViews.VIEWS.get(v);
            String colour = COLOURS.get(v);
            var points = new StringBuilder();
            for (long n : cases) {
                JsonNode p95 = byCases.get(n).at("/staff/p95Ms/" + view);
                if (!p95.isNumber()) {
                    continue;
                }
                double x = LEFT + plotW * (Math.log10(n) - xMin) / (xMax - xMin);
                double y = TOP + plotH - plotH * Math.min(p95.asDouble(), yMax) / yMax;
                points.append("%.1f,%.1f ".formatted(x, y));
                out.append("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s at %d cases: p95 %.0f ms</title></circle>\n"
                        .formatted(x, y, colour, view, n, p95.asDouble()));
            }
            out.append("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n"
                    .formatted(points.toString().strip(), colour));
            int legendY = TOP + 10 + v * 20;
            out.append("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>\n"
                    .formatted(LEFT + plotW + 6, legendY + 40, LEFT + plotW + 26, legendY + 40, colour));
            out.append("<text x=\"%d\" y=\"%d\">%s</text>\n".formatted(LEFT + plotW + 32, legendY + 44, view));
        }
        JsonNode latest = byCases.get(cases.getLast()).path("machine");
        out.append("<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#666666\">%s</text>\n".formatted(LEFT, HEIGHT - 8,
                escape("%d cores, %s GiB, %s, %s".formatted(latest.path("cores").asInt(),
                        latest.path("memoryGiB").asString(), latest.path("os").asString(), latest.path("jdk").asString()))));
        return out.append("</svg>\n").toString();
    }

    /** 1, 2 or 5 times a power of ten, at or above the value. */
    static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
