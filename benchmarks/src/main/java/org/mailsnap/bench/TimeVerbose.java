package org.mailsnap.bench;

/**
 * What GNU {@code /usr/bin/time -v} reports about a finished command: its peak resident set size, wall-clock time
 * and exit status. Only those lines are read; the others are ignored.
 *
 * @param maxRssKb       "Maximum resident set size (kbytes)"
 * @param elapsedSeconds "Elapsed (wall clock) time (h:mm:ss or m:ss)", converted to seconds
 * @param exitStatus     "Exit status"; for a command killed by a signal, 128 + the signal number
 */
record TimeVerbose(long maxRssKb, double elapsedSeconds, int exitStatus) {
    private static final String RSS = "Maximum resident set size (kbytes):";
    private static final String ELAPSED = "Elapsed (wall clock) time (h:mm:ss or m:ss):";
    private static final String EXIT = "Exit status:";
    private static final String SIGNAL = "Command terminated by signal";

    /**
     * Parses the report {@code time -v -o FILE} wrote.
     *
     * @throws IllegalArgumentException when the resident set size line is missing or not a number
     */
    static TimeVerbose parse(String report) {
        long rss = -1;
        double elapsed = -1;
        int exit = -1;
        int signal = -1;
        for (String raw : report.split("\n")) {
            String line = raw.strip();
            if (line.startsWith(RSS)) {
                rss = parseLong(line, RSS);
            } else if (line.startsWith(ELAPSED)) {
                elapsed = parseClock(line.substring(ELAPSED.length()).strip());
            } else if (line.startsWith(EXIT)) {
                exit = (int) parseLong(line, EXIT);
            } else if (line.startsWith(SIGNAL)) {
                signal = (int) parseLong(line, SIGNAL);
            }
        }
        if (rss < 0) {
            throw new IllegalArgumentException("no '" + RSS + "' line in /usr/bin/time -v output: " + report);
        }
        return new TimeVerbose(rss, elapsed, signal >= 0 ? 128 + signal : exit);
    }

    /** {@code h:mm:ss}, {@code m:ss.cc} or plain seconds. */
    static double parseClock(String clock) {
        String[] parts = clock.split(":");
        if (parts.length > 3) {
            throw new IllegalArgumentException("not a h:mm:ss or m:ss time: '" + clock + "'");
        }
        double seconds = 0;
        try {
            for (String part : parts) {
                seconds = seconds * 60 + Double.parseDouble(part);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a h:mm:ss or m:ss time: '" + clock + "'", e);
        }
        return seconds;
    }

    private static long parseLong(String line, String label) {
        String number = line.substring(label.length()).strip();
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + label + "' is not followed by a whole number: '" + line + "'", e);
        }
    }
}
