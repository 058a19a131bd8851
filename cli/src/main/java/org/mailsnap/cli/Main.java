package org.mailsnap.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
        CommandLine cli = commandLine(new Environment(env, out, err), args);
        cli.setOut(out);
        cli.setErr(err);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The command line with every subcommand (for usage and tests). */
    static CommandLine commandLine(Environment environment) {
        return commandLine(environment, new String[0]);
    }

    /**
     * The command line for {@code args}: only the subcommand that {@code args[0]} names, when it names one, else all
     * of them. picocli builds a command's model by reflecting over its options and mixins; for all eleven that took
     * ~0.5 s of a restore's start on 2 busy cores, the one a run needs ~0.25 s.
     */
    static CommandLine commandLine(Environment environment, String[] args) {
        CommandFactory factory = new CommandFactory(environment);
        CommandLine cli = new CommandLine(new MailsnapCommand(), factory);
        for (Class<?> subcommand : subcommandsFor(args)) {
            cli.addSubcommand(new CommandLine(subcommand, factory));
        }
        cli.setExecutionExceptionHandler(new ExceptionMapper(environment));
        cli.setParameterExceptionHandler(ExceptionMapper::usage);
        cli.setUsageHelpAutoWidth(true);
        String[] footer = cli.getCommandSpec().usageMessage().footer();
        String[] withCodes = java.util.Arrays.copyOf(footer, footer.length + 1);
        withCodes[footer.length] = ExitCode.table();
        cli.getCommandSpec().usageMessage().footer(withCodes);
        return cli;
    }

    private static List<Class<?>> subcommandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> subcommand : MailsnapCommand.SUBCOMMANDS) {
                if (subcommand.getAnnotation(Command.class).name().equals(args[0])) {
                    return List.of(subcommand);
                }
            }
        }
        return MailsnapCommand.SUBCOMMANDS;
    }
}
