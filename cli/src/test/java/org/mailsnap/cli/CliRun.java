package org.mailsnap.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One run of the CLI as an operator or a script sees it: exit code, stdout, stderr. */
record CliRun(int code, String out, String err) {
    /** The CLI called in-process ({@link Main#run}) with {@code env} as its environment. */
    static CliRun of(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The CLI called in-process with its own clock (what time expressions count from) and terminal or not. */
    static CliRun at(Map<String, String> env, java.time.Clock clock, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                new Environment(env, new PrintWriter(out, true), new PrintWriter(err, true), clock, terminal), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Like {@link #of}, and prints the command with what it printed, for the test's log. */
    static CliRun logged(Map<String, String> env, String... args) {
        CliRun r = of(env, args);
        System.out.println("$ mailsnap " + String.join(" ", args) + " -> " + r.code() + "\n" + r.out() + r.err());
        return r;
    }

    /** The environment of a repository in {@code dir/repo} with its catalog in {@code dir/catalog}. */
    static Map<String, String> repositoryIn(java.nio.file.Path dir, String password) {
        return Map.of(
                "MAILSNAP_REPOSITORY",
                dir.resolve("repo").toString(),
                "MAILSNAP_PASSWORD",
                password,
                "MAILSNAP_CATALOG",
                dir.resolve("catalog").toString());
    }
}
