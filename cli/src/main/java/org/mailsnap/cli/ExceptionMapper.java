package org.mailsnap.cli;

import java.io.FileNotFoundException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.mailsnap.backup.CatalogNotUpdatedException;
import org.mailsnap.catalog.CatalogCorruptException;
import org.mailsnap.repository.NoRepositoryException;
import org.mailsnap.repository.RepositoryLockedException;
import org.mailsnap.repository.WrongPasswordException;
import picocli.CommandLine;

/**
 * The one place that turns failures into exit codes and a one-line message on stderr. A stack trace is printed only
 * with {@code MAILSNAP_DEBUG=1}: an admin reads the message, a developer asks for the trace.
 */
final class ExceptionMapper implements CommandLine.IExecutionExceptionHandler {
    private final Environment env;

    ExceptionMapper(Environment env) {
        this.env = env;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        ExitCode code = codeFor(e);
        CatalogCorruptException damage = e instanceof CatalogNotUpdatedException ? null : catalogDamage(e);
        Path catalog = env.catalogInUse().get();
        report(
                cli.getErr(),
                damage == null ? message(e) : (catalog == null ? damage : damage.in(catalog)).getMessage(),
                e);
        return code.code();
    }

    /** The one line on stderr; the stack trace too with {@code MAILSNAP_DEBUG=1}. */
    static void report(java.io.PrintWriter err, String message, Throwable e) {
        err.println("mailsnap: " + message);
        if ("1".equals(System.getenv("MAILSNAP_DEBUG"))) {
            e.printStackTrace(err);
        }
    }

    /**
     * A damaged local catalog anywhere in the cause chain (a reader thread may have wrapped it): it is reported as
     * such, naming the catalog, whatever wrapped it, so it never reads like damage to the repository.
     */
    static CatalogCorruptException catalogDamage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CatalogCorruptException c) {
                return c;
            }
        }
        return null;
    }

    /**
     * A native library (LMDB's or the crypto provider's) that could not be loaded, anywhere in the cause chain, as one
     * line saying what to change; null for any other error. The libraries are extracted from the jar: by
     * {@code bin/mailsnap} next to the jar, else by each library into the JVM's temporary directory, which a hardened
     * server may mount {@code noexec} (then the library does not map) or which may not exist. picocli hands errors,
     * not exceptions, back to {@link Main}, which asks here.
     */
    static String nativeLibraryFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            boolean extracting = java.util.Arrays.stream(t.getStackTrace())
                    .anyMatch(frame -> frame.getClassName().equals("org.lmdbjava.Library"));
            if (t instanceof UnsatisfiedLinkError || (extracting && !(t instanceof ExceptionInInitializerError))) {
                String what = t.getMessage() == null
                        ? t.toString()
                        : t.getMessage().lines().findFirst().orElse("");
                return "cannot load a native library (" + what + "): bin/mailsnap extracts them next to its jar;"
                        + " started otherwise, the JVM's temporary directory (java.io.tmpdir) must exist, be writable"
                        + " and not be mounted noexec";
            }
        }
        return null;
    }

    static ExitCode codeFor(Throwable e) {
        if (catalogDamage(e) != null) {
            return ExitCode.FAILURE;
        }
        if (e instanceof UserError u) {
            return u.code();
        }
        if (e instanceof WrongPasswordException) {
            return ExitCode.WRONG_PASSWORD;
        }
        if (e instanceof NoRepositoryException) {
            return ExitCode.NO_REPOSITORY;
        }
        if (e instanceof RepositoryLockedException) {
            return ExitCode.LOCKED;
        }
        if (interrupted(e)) {
            return ExitCode.INTERRUPTED;
        }
        if (e instanceof IllegalArgumentException) {
            return ExitCode.USAGE;
        }
        return ExitCode.FAILURE;
    }

    /**
     * An interrupt, however it surfaced: NIO channels report one by closing themselves
     * ({@link java.nio.channels.ClosedByInterruptException}), often wrapped by the layer that was reading.
     */
    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException
                    || t instanceof InterruptedException
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    static String message(Throwable e) {
        if (e instanceof java.nio.channels.ClosedByInterruptException) {
            return "interrupted";
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file or directory: " + n.getFile();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (e instanceof FileNotFoundException || e.getMessage() == null) {
            return e.toString();
        }
        return e.getMessage();
    }

    static int usage(CommandLine.ParameterException e, String[] args) {
        return usage(e, args, null);
    }

    /** A usage error; when the value came from the environment or the configuration file, says which line. */
    static int usage(CommandLine.ParameterException e, String[] args, ConfigDefaults defaults) {
        CommandLine cli = e.getCommandLine();
        ConfigDefaults.Value configured =
                defaults == null || e.getArgSpec() == null ? null : defaults.lookup(e.getArgSpec());
        boolean fromConfig = configured != null
                && !(e instanceof CommandLine.MissingParameterException)
                && !(e instanceof CommandLine.UnmatchedArgumentException);
        cli.getErr().println("mailsnap: " + (fromConfig ? configured.where() + ": " : "") + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, cli.getErr())) {
            cli.getErr().println("Try '" + cli.getCommandSpec().qualifiedName() + " --help'.");
        }
        return ExitCode.USAGE.code();
    }
}
