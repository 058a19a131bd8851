package org.mailsnap.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text exposition format 0.0.4, written from the format's description (no Java
 * parser of it is published on Maven Central): it rejects what Prometheus or node_exporter's textfile collector
 * would reject, so a test that parses a file with it knows the collector would take it.
 *
 * <p>Rules checked: the text is UTF-8 lines ending in {@code \n} (the last one too); {@code # HELP name text} and
 * {@code # TYPE name type} at most once per metric, TYPE before the metric's first sample; a type is one of counter,
 * gauge, histogram, summary, untyped; a sample is {@code name[{labels}] value [timestamp]} with a valid metric name,
 * label names, quoted label values with only {@code \\}, {@code \"}, {@code \n} escapes, a value Go's ParseFloat
 * takes (or NaN, +Inf, -Inf) and an integer timestamp; a metric's samples are contiguous; no sample appears twice.
 */
final class PrometheusText {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL =
            Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"\\s*");
    private static final Pattern FLOAT =
            Pattern.compile("[+-]?(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?|NaN|Inf|inf)");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** A parsed file: value of each sample by its name (these files have no labels), and the TYPE and HELP lines. */
    record Parsed(Map<String, Double> samples, Map<String, String> types, Map<String, String> help) {}

    private PrometheusText() {}

    static Parsed parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the last line does not end with a newline");
        }
        Map<String, Double> samples = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        Map<String, String> help = new HashMap<>();
        Set<String> seenSamples = new HashSet<>();
        Set<String> finishedMetrics = new HashSet<>();
        String current = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (number > 1 && line.isEmpty() && number == text.split("\n", -1).length) {
                break; // after the final newline
            }
            String where = "line " + number + ": ";
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] f = line.split("[ \\t]+", 4);
                if (f.length >= 3 && (f[1].equals("HELP") || f[1].equals("TYPE"))) {
                    if (!NAME.matcher(f[2]).matches()) {
                        throw new IllegalArgumentException(where + "bad metric name " + f[2]);
                    }
                    Map<String, String> target = f[1].equals("HELP") ? help : types;
                    if (target.containsKey(f[2])) {
                        throw new IllegalArgumentException(where + "second " + f[1] + " for " + f[2]);
                    }
                    if (f[1].equals("TYPE")) {
                        if (f.length < 4 || !TYPES.contains(f[3].trim())) {
                            throw new IllegalArgumentException(where + "bad type " + line);
                        }
                        if (seenSamples.stream().anyMatch(s -> s.equals(f[2]))) {
                            throw new IllegalArgumentException(where + "TYPE after samples of " + f[2]);
                        }
                    }
                    target.put(f[2], f.length == 4 ? f[3] : "");
                }
                continue;
            }
            Matcher name = NAME.matcher(line);
            if (!name.lookingAt()) {
                throw new IllegalArgumentException(where + "no metric name: " + line);
            }
            String metric = name.group();
            String rest = line.substring(name.end());
            String labels = "";
            if (rest.startsWith("{")) {
                int close = closingBrace(rest, where);
                labels = rest.substring(0, close + 1);
                checkLabels(rest.substring(1, close), where);
                rest = rest.substring(close + 1);
            }
            String[] fields = rest.trim().split("[ \\t]+");
            if (rest.isEmpty() || !Character.isWhitespace(rest.charAt(0)) || fields.length < 1 || fields.length > 2) {
                throw new IllegalArgumentException(where + "expected 'value [timestamp]': " + line);
            }
            if (!FLOAT.matcher(fields[0]).matches()) {
                throw new IllegalArgumentException(where + "bad value " + fields[0]);
            }
            if (fields.length == 2 && !fields[1].matches("-?\\d+")) {
                throw new IllegalArgumentException(where + "bad timestamp " + fields[1]);
            }
            if (!metric.equals(current)) {
                if (finishedMetrics.contains(metric)) {
                    throw new IllegalArgumentException(where + "samples of " + metric + " are not together");
                }
                if (current != null) {
                    finishedMetrics.add(current);
                }
                current = metric;
            }
            if (!seenSamples.add(metric + labels)) {
                throw new IllegalArgumentException(where + "second sample " + metric + labels);
            }
            String v = fields[0];
            samples.put(
                    metric + labels,
                    v.endsWith("Inf") || v.endsWith("inf")
                            ? (v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                            : Double.parseDouble(v));
        }
        return new Parsed(samples, types, help);
    }

    private static int closingBrace(String s, String where) {
        boolean quoted = false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '}' && !quoted) {
                return i;
            }
        }
        throw new IllegalArgumentException(where + "unclosed label set");
    }

    private static void checkLabels(String inside, String where) {
        if (inside.isBlank()) {
            return;
        }
        Matcher m = LABEL.matcher(inside);
        int at = 0;
        Set<String> names = new HashSet<>();
        while (at < inside.length()) {
            m.region(at, inside.length());
            if (!m.lookingAt() || !names.add(m.group(1))) {
                throw new IllegalArgumentException(where + "bad labels {" + inside + "}");
            }
            at = m.end();
            if (at < inside.length()) {
                if (inside.charAt(at) != ',') {
                    throw new IllegalArgumentException(where + "bad labels {" + inside + "}");
                }
                at++;
            }
        }
    }
}
