package org.mailsnap.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mailsnap.concurrent.ChildProcess;
import picocli.CommandLine.Option;

/**
 * Shell commands around a run, as borgmatic has them: {@code --before} (a failure stops the run before it starts),
 * {@code --after} (after a run that exited 0 or 3) and {@code --on-error} (after any other exit). Each runs with
 * {@code /bin/sh -c}; its output goes to stderr; {@code MAILSNAP_EXIT_CODE} tells the latter two how the run ended.
 * Usually set in the configuration file's {@code [backup]} table ({@code on-error = "mail -s ... root"}).
 */
final class HookOptions {
    @Option(
            names = "--before",
            paramLabel = "COMMAND",
            description = "Run COMMAND (with /bin/sh) before the run; if it fails, the run does not start.")
    String before;

    @Option(
            names = "--after",
            paramLabel = "COMMAND",
            description = "Run COMMAND after a run that succeeded (exit code 0) or was partial (3).")
    String after;

    @Option(
            names = "--on-error",
            paramLabel = "COMMAND",
            description = "Run COMMAND after a run that failed; $MAILSNAP_EXIT_CODE holds its exit code.")
    String onError;

    int run(Environment env, Callable<Integer> body) throws Exception {
        if (before != null) {
            int status = hook(env, "before", before, Map.of());
            if (status != 0) {
                throw new UserError(
                        ExitCode.FAILURE,
                        "the before hook failed (exit status " + status + "): " + before + "; not starting");
            }
        }
        int code;
        try {
            code = body.call();
        } catch (Exception e) {
            afterwards(env, ExceptionMapper.codeFor(e).code());
            throw e;
        }
        afterwards(env, code);
        return code;
    }

    private void afterwards(Environment env, int code) throws IOException {
        boolean good = code == ExitCode.OK.code() || code == ExitCode.PARTIAL.code();
        String command = good ? after : onError;
        if (command != null) {
            int status = hook(
                    env, good ? "after" : "on-error", command, Map.of("MAILSNAP_EXIT_CODE", Integer.toString(code)));
            if (status != 0) {
                env.err()
                        .println("mailsnap: warning: the " + (good ? "after" : "on-error") + " hook failed (exit "
                                + "status " + status + "): " + command);
            }
        }
    }

    /** Runs one hook to its end, its output copied to stderr; returns its exit status. */
    private static int hook(Environment env, String name, String command, Map<String, String> extra)
            throws IOException {
        ChildProcess.Finished finished =
                ChildProcess.run(List.of("/bin/sh", "-c", command), extra, "the " + name + " hook");
        env.err().print(finished.output());
        env.err().flush();
        return finished.status();
    }
}
