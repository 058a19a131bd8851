package org.mailsnap.bench;

/**
 * One timed command: wall-clock seconds measured by the runner around the process, the peak resident set size
 * from {@code /usr/bin/time -v} ({@code -1} when it could not be measured), the exit code and what the command
 * printed.
 */
record Measurement(String command, double seconds, long maxRssKb, int exitCode, String stdout, String stderr) {

    boolean succeeded() {
        return exitCode == 0;
    }

    /** Peak RSS in MB (10^6 bytes), or NaN when unknown. */
    double rssMb() {
        return maxRssKb < 0 ? Double.NaN : maxRssKb * 1024 / 1e6;
    }

    /** The last lines of stderr, for an error message. */
    String stderrTail() {
        String[] lines = stderr.strip().split("\n");
        int from = Math.max(0, lines.length - 5);
        return String.join(" | ", java.util.Arrays.copyOfRange(lines, from, lines.length))
                .strip();
    }
}
