package org.mailsnap.cli;

import picocli.CommandLine.Option;

/** {@code --quiet} and {@code --json-progress} for the commands that report progress. */
final class ProgressOptions {
    @Option(
            names = {"-q", "--quiet"},
            description = "No progress at all (on a terminal, a line is redrawn; there is"
                    + " none without one unless --json-progress).")
    boolean quiet;

    @Option(
            names = "--json-progress",
            description = "Progress as JSON lines on stderr, one a second and a last one"
                    + " at the end, terminal or not (schema in README).")
    boolean json;
}
