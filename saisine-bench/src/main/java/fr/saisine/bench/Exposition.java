package fr.saisine.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of a Prometheus text exposition, labels parsed rather than matched as text: their
 * order is the registry's to choose, and a quoted value may hold a comma, a brace or an escape.
 */
final class Exposition {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private Exposition() {
    }

    /** Every sample whose metric is exactly {@code name}; comments, other metrics and bad lines are skipped. */
    static List<Sample> samples(String exposition, String name) {
        List<Sample> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith(name) && !trimmed.startsWith("#")) {
                Sample sample = parse(trimmed);
                if (sample != null && sample.name().equals(name)) {
                    samples.add(sample);
                }
            }
        }
        return samples;
    }

    /** One sample line: {@code name{label="value",...} value [timestamp]}, or null when it is not one. */
    static Sample parse(String line) {
        int at = 0;
        while (at < line.length() && line.charAt(at) != '{' && !Character.isWhitespace(line.charAt(at))) {
            at++;
        }
        String name = line.substring(0, at);
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at = labels(line, at + 1, labels);
            if (at < 0) {
                return null;
            }
        }
        String[] rest = line.substring(at).strip().split("\\s+");
        try {
            return name.isEmpty() || rest[0].isEmpty() ? null : new Sample(name, labels, number(rest[0]));
        }
        catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Reads {@code a="x",b="y"}} from {@code at} into {@code labels}; the index after the brace, or -1. */
    private static int labels(String line, int at, Map<String, String> labels) {
        while (true) {
            while (at < line.length() && (line.charAt(at) == ',' || line.charAt(at) == ' ')) {
                at++;
            }
            if (at >= line.length()) {
                return -1;
            }
            if (line.charAt(at) == '}') {
                return at + 1;
            }
            int equals = line.indexOf('=', at);
            if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                return -1;
            }
            String label = line.substring(at, equals).strip();
            StringBuilder value = new StringBuilder();
            at = equals + 2;
            while (at < line.length() && line.charAt(at) != '"') {
                char c = line.charAt(at);
                if (c == '\\' && at + 1 < line.length()) {
                    char escaped = line.charAt(++at);
                    value.append(escaped == 'n' ? '\n' : escaped);
                }
                else {
                    value.append(c);
                }
                at++;
            }
            if (at >= line.length()) {
                return -1;
            }
            labels.put(label, value.toString());
            at++;
        }
    }

    /** Go's float syntax as Prometheus writes it: 120.0, 1.0E3, 1e3, +Inf, NaN. */
    private static double number(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
