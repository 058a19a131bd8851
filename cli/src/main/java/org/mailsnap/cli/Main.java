package org.mailsnap.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** The `mailsnap` launcher: {@link #run} returns the exit code so tests can call the CLI in-process. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(), args);
    }

    /** Runs one command with the given streams and environment (tests pass their own). */
    public static int run(PrintWriter out, PrintWriter err, java.util.Map<String, String> env, String... args) {
        CommandLine cli = commandLine(new Environment(env, out, err));
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static CommandLine commandLine(Environment environment) {
        CommandLine cli = new CommandLine(new MailsnapCommand(), new CommandFactory(environment));
        cli.setExecutionExceptionHandler(new ExceptionMapper());
        cli.setParameterExceptionHandler(ExceptionMapper::usage);
        cli.setUsageHelpAutoWidth(true);
        String[] footer = cli.getCommandSpec().usageMessage().footer();
        String[] withCodes = java.util.Arrays.copyOf(footer, footer.length + 1);
        withCodes[footer.length] = ExitCode.table();
        cli.getCommandSpec().usageMessage().footer(withCodes);
        return cli;
    }
}
