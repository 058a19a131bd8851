package org.mailsnap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Parse-only checks of a command line: picocli's model, no command run (PMD's BaseCommandTest does the same). */
final class CliTestSupport {
    private CliTestSupport() {}

    static void assertParses(String... args) {
        Environment env = new Environment(
                Map.of("MAILSNAP_CONFIG", "/dev/null"),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        Main.commandLine(env, args).parseArgs(args); // a ParameterException fails the test with picocli's message
    }
}
