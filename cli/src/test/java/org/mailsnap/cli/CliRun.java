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
}
