package org.mailsnap.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Option;

/** {@code --metrics-file}: a command that takes it writes its {@link RunMetrics} after every run, however it ends. */
final class MetricsOptions {
    @Option(
            names = "--metrics-file",
            paramLabel = "PATH",
            description = "After the run, success or failure, write its figures to PATH in Prometheus' text format "
                    + "(atomically; for node_exporter's textfile collector, e.g. "
                    + "/var/lib/prometheus/node-exporter/mailsnap.prom).")
    Path metricsFile;

    /** What a command runs; it adds its figures to the metrics as they become known. */
    @FunctionalInterface
    interface Body {
        int run(RunMetrics metrics) throws Exception;
    }

    /**
     * Runs {@code body} and then writes the file, also when {@code body} throws (with the exit code the exception
     * maps to). A file that cannot be written is a warning: the run's own outcome stands, and a monitoring system
     * sees the file go stale. A run ended by a signal writes the file from a shutdown hook, with exit code 130.
     */
    int run(Environment env, String command, Body body) throws Exception {
        RunMetrics metrics = new RunMetrics(command, Clock.systemUTC());
        AtomicBoolean written = new AtomicBoolean();
        // SIGTERM (systemctl stop, a timeout) or SIGINT end the JVM without returning here: the file still says so.
        Thread onSignal =
                new Thread(() -> write(env, metrics, ExitCode.INTERRUPTED.code(), written), "mailsnap-metrics-on-exit");
        if (metricsFile != null) {
            Runtime.getRuntime().addShutdownHook(onSignal);
        }
        int code = ExitCode.FAILURE.code();
        try {
            code = body.run(metrics);
            return code;
        } catch (Exception e) {
            code = ExceptionMapper.codeFor(e).code();
            throw e;
        } finally {
            if (metricsFile != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onSignal);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs (or ran) already
                }
                write(env, metrics, code, written);
            }
        }
    }

    /** Writes the file once: from the run's end or from the shutdown hook, whichever comes first. */
    private void write(Environment env, RunMetrics metrics, int code, AtomicBoolean written) {
        if (!written.compareAndSet(false, true)) {
            return;
        }
        try {
            MetricsFile.write(metricsFile, metrics.finish(code, metricsFile));
        } catch (java.io.IOException | RuntimeException e) {
            env.err()
                    .println("mailsnap: warning: cannot write the metrics file " + metricsFile + ": "
                            + ExceptionMapper.message(e));
            env.err().flush();
        }
    }
}
