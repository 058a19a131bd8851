package org.mailsnap.cli;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.mailsnap.crypto.Primitives;
import org.mailsnap.fs.FileNames;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `mailsnap` launcher: {@link #run} returns the exit code so tests can call the CLI in-process. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        loadCryptoInBackground();
        try {
            FileNames.requireByteAccess();
        } catch (IllegalStateException e) {
            System.err.println("mailsnap: " + e.getMessage());
            System.exit(ExitCode.FAILURE.code());
        }
        System.exit(run(RawArguments.of(args)));
    }

    /**
     * Loads the crypto provider (its native library and the self-tests it runs before its first use, ~0.17 s of a
     * cold JVM) on a second thread while this one reads the configuration and builds the command line; nearly every
     * command uses the crypto next. An hourly no-change run took 0.47-0.52 s instead of 0.50-0.55 s
     * (benchmarks/results/2026-12-06-start-up). The first use waits for the class initialisation to finish; a run
     * that needs no crypto exits without waiting (a daemon thread).
     */
    private static void loadCryptoInBackground() {
        Thread loader = new Thread(Primitives::description, "crypto-loader");
        loader.setDaemon(true);
        loader.start();
    }

    public static int run(String... args) {
        return run(utf8(System.out), utf8(System.err), System.getenv(), args);
    }

    /**
     * Output in UTF-8 whatever the locale (the JVM would pick ASCII under the POSIX locale and print '?' for every
     * name that is not ASCII), bytes of names that are not UTF-8 shown as {@code \xNN}.
     */
    private static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new NameEscapingWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)), true);
    }

    /** Runs one command with the given streams and environment (tests pass their own). */
    public static int run(PrintWriter out, PrintWriter err, java.util.Map<String, String> env, String... args) {
        return run(new Environment(env, out, err), args);
    }

    /** Runs one command in {@code environment}: tests pass their own streams, variables, clock and terminal. */
    static int run(Environment environment, String... args) {
        PrintWriter out = environment.out();
        PrintWriter err = environment.err();
        CommandLine cli;
        try {
            cli = commandLine(environment, args);
        } catch (UserError e) {
            err.println("mailsnap: " + ExceptionMapper.message(e));
            err.flush();
            return ExceptionMapper.codeFor(e).code();
        }
        cli.setOut(out);
        cli.setErr(err);
        int code;
        try {
            code = cli.execute(args);
        } catch (LinkageError e) { // picocli rethrows errors; a native library that does not load is the admin's
            String nativeFailure = ExceptionMapper.nativeLibraryFailure(e);
            if (nativeFailure == null) {
                throw e;
            }
            ExceptionMapper.report(err, nativeFailure, e);
            code = ExitCode.FAILURE.code();
        }
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
     * of them. picocli builds a command's model by reflecting over its options and mixins, which for all of them
     * costs about twice the start-up time of the one a run needs (benchmarks/results/design-measurements.md).
     */
    static CommandLine commandLine(Environment environment, String[] args) {
        return commandLine(environment, configDefaults(environment, args), args);
    }

    static CommandLine commandLine(Environment environment, ConfigDefaults defaults, String[] args) {
        CommandFactory factory = new CommandFactory(environment, defaults);
        CommandLine cli = new CommandLine(new MailsnapCommand(), factory);
        for (Class<?> subcommand : subcommandsFor(args)) {
            CommandLine sub = new CommandLine(subcommand, factory);
            if (subcommand == ConfigCommand.class) {
                ConfigCommand.Check.stopAtTheCommand(sub);
            }
            cli.addSubcommand(sub);
        }
        cli.registerConverter(Path.class, FileNames::path); // argv's bytes, whatever the locale (RawArguments)
        cli.setExecutionExceptionHandler(new ExceptionMapper(environment));
        cli.setParameterExceptionHandler((e, a) -> ExceptionMapper.usage(e, a, defaults));
        cli.setUsageHelpAutoWidth(true);
        GroupedOptionsHelp.install(cli);
        cli.setDefaultValueProvider(defaults);
        cli.setExecutionStrategy(parsed -> {
            LibraryLogging.configure(verbose(parsed), "1".equals(environment.get("MAILSNAP_DEBUG")));
            return new CommandLine.RunLast().execute(parsed);
        });
        String[] footer = cli.getCommandSpec().usageMessage().footer();
        String[] withCodes = java.util.Arrays.copyOf(footer, footer.length + 1);
        withCodes[footer.length] = ExitCode.table();
        cli.getCommandSpec().usageMessage().footer(withCodes);
        return cli;
    }

    /**
     * The configuration file's settings: {@code --config FILE} (looked for before parsing, because the file supplies
     * the defaults parsing applies), else {@code $MAILSNAP_CONFIG}, else {@link ConfigFile#DEFAULT} if it exists.
     */
    static ConfigDefaults configDefaults(Environment environment, String[] args) {
        String named = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals(MailsnapCommand.CONFIG_OPTION) && i + 1 < args.length) {
                named = args[i + 1];
            } else if (args[i].startsWith(MailsnapCommand.CONFIG_OPTION + "=")) {
                named = args[i].substring(MailsnapCommand.CONFIG_OPTION.length() + 1);
            }
        }
        if (named == null) {
            named = environment.get("MAILSNAP_CONFIG");
        }
        ConfigFile file = named != null
                ? ConfigFile.load(java.nio.file.Path.of(named), false)
                : ConfigFile.load(ConfigFile.DEFAULT, true);
        return new ConfigDefaults(environment, file);
    }

    /** {@code --verbose} given on any level of the command line, or set in the environment or configuration. */
    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(MailsnapCommand.VERBOSE_OPTION)) {
                return true;
            }
        }
        Object root = parsed.commandSpec().userObject();
        return root instanceof MailsnapCommand m && m.verbose;
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
