package org.mailsnap.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * What a command may use from outside: environment variables and the two output streams. Results go to
 * {@code out}, diagnostics and progress to {@code err}.
 */
record Environment(Map<String, String> variables, PrintWriter out, PrintWriter err) {
    String get(String name) {
        return variables.get(name);
    }
}
