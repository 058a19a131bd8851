package org.mailsnap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a command may use from outside: environment variables and the two output streams. Results go to
 * {@code out}, diagnostics and progress to {@code err}. {@code catalogInUse} is the local catalog the command
 * opened, so that the exception mapper can name it in a "the local catalog … is damaged" message.
 */
record Environment(Map<String, String> variables, PrintWriter out, PrintWriter err,
                   AtomicReference<Path> catalogInUse) {
    Environment(Map<String, String> variables, PrintWriter out, PrintWriter err) {
        this(variables, out, err, new AtomicReference<>());
    }

    String get(String name) {
        return variables.get(name);
    }
}
