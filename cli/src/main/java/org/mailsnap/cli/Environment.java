package org.mailsnap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a command may use from outside: environment variables, the two output streams, the clock that time
 * expressions ({@code --at 2h}, {@code --since yesterday}) count from, and whether stderr is a terminal (progress is
 * drawn only there). Results go to {@code out}, diagnostics and progress to {@code err}. {@code catalogInUse} is the
 * local catalog the command opened, so that the exception mapper can name it in a "the local catalog … is damaged"
 * message. Tests pass their own clock and terminal.
 */
record Environment(
        Map<String, String> variables,
        PrintWriter out,
        PrintWriter err,
        Clock clock,
        boolean terminal,
        AtomicReference<Path> catalogInUse) {
    /** The process's: the system clock in the local time zone, a terminal when the process is attached to one ({@link Terminal}). */
    Environment(Map<String, String> variables, PrintWriter out, PrintWriter err) {
        this(variables, out, err, Clock.system(java.time.ZoneId.systemDefault()), Terminal.attached());
    }

    Environment(Map<String, String> variables, PrintWriter out, PrintWriter err, Clock clock, boolean terminal) {
        this(variables, out, err, clock, terminal, new AtomicReference<>());
    }

    String get(String name) {
        return variables.get(name);
    }
}
