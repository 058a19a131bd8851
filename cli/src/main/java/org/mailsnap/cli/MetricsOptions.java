package org.mailsnap.cli;

import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** {@code --metrics-file}: a command that takes it writes its {@link RunMetrics} after every run, however it ends. */
final class MetricsOptions {
    @Option(names = "--metrics-file", paramLabel = "PATH",
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
     * sees the file go stale.
     */
    int run(Environment env, String command, Body body) throws Exception {
        RunMetrics metrics = new RunMetrics(command, Clock.systemUTC());
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
                    MetricsFile.write(metricsFile, metrics.finish(code, metricsFile));
                } catch (java.io.IOException | RuntimeException e) {
                    env.err().println("mailsnap: warning: cannot write the metrics file " + metricsFile + ": "
                            + ExceptionMapper.message(e));
                }
            }
        }
    }
}
