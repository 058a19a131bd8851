package org.mailsnap.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code config check} found, in its two renderings: the file (present or not), its problems, and the settings
 * the checked command would run with, each with its source ({@code option}, {@code environment MAILSNAP_…},
 * {@code file PATH:LINE}, {@code default}, {@code unset}).
 *
 * @param command  the checked command ({@code backup}, {@code key list}); null when problems stopped the check before it
 * @param settings in the command's option order; empty when problems stopped the check
 */
record ConfigCheckReport(ConfigFile file, List<String> problems, String command, List<Setting> settings) {
    /** One setting: its key (the long option without dashes), its value as text (null when unset), its source. */
    record Setting(String key, String value, String source) {}

    /** Text: {@code configuration file …: ok}, then one aligned line a setting. Problems go to stderr, not here. */
    void printText(PrintWriter out) {
        out.println(
                file.present()
                        ? "configuration file " + file.path() + ": ok"
                        : "no configuration file (" + file.path() + " does not exist)");
        out.println("settings of 'mailsnap " + command + "':");
        int width = settings.stream().mapToInt(s -> s.key().length()).max().orElse(0);
        int valueWidth = settings.stream().mapToInt(s -> text(s).length()).max().orElse(0);
        for (Setting s : settings) {
            out.printf("  %-" + width + "s = %-" + Math.max(1, valueWidth) + "s  (%s)%n", s.key(), text(s), s.source());
        }
    }

    /** {@code {file, present, ok, problems, command, settings: [{key, value, source}]}} (schema in README). */
    Map<String, Object> json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("file", file.path().toString());
        o.put("present", file.present());
        o.put("ok", problems.isEmpty());
        o.put("problems", problems);
        o.put("command", command);
        List<Object> rows = new ArrayList<>();
        for (Setting s : settings) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", s.key());
            row.put("value", s.value());
            row.put("source", s.source());
            rows.add(row);
        }
        o.put("settings", rows);
        return o;
    }

    private static String text(Setting s) {
        return s.value() == null ? "" : s.value();
    }
}
