package org.mailsnap.cli;

import picocli.CommandLine.Option;

/** {@code --quiet} for the commands that draw progress on a terminal. */
final class ProgressOptions {
    @Option(names = {"-q", "--quiet"}, description = "No progress line on the terminal (there is none without one).")
    boolean quiet;
}
