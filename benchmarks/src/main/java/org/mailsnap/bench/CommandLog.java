package org.mailsnap.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every command the runner started, in order, written out as {@code commands.txt} so a reader can repeat a run
 * by hand: the step it belonged to, its working directory, the environment variables the runner set for it (the
 * passwords are throwaway benchmark passwords, shown as they were) and the command line, shell-quoted.
 */
final class CommandLog {
    private final List<String> entries = new ArrayList<>();

    synchronized void record(
            String label, Path workingDirectory, Map<String, String> environment, List<String> command) {
        StringBuilder sb = new StringBuilder("# ").append(label).append('\n');
        sb.append("cd ").append(shellQuote(workingDirectory.toString())).append(" && ");
        new TreeMap<>(environment)
                .forEach((name, value) ->
                        sb.append(name).append('=').append(shellQuote(value)).append(' '));
        sb.append(String.join(" ", command.stream().map(CommandLog::shellQuote).toList()));
        entries.add(sb.toString());
    }

    /** A note between commands, e.g. what the runner did itself (generating the store, simulating an hour). */
    synchronized void note(String text) {
        entries.add("# " + text);
    }

    synchronized String text() {
        return String.join("\n", entries) + "\n";
    }

    static String shellQuote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
