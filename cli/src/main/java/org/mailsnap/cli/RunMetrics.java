package org.mailsnap.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The figures of one command run for {@code --metrics-file}, all named {@code mailsnap_<command>_...}: the command
 * adds its own (from its progress counters, so a failed run still reports how far it got), and {@link #finish} adds
 * the ones every run has: duration, exit code, run time and the time of the last success (exit code 0), which a
 * failed run carries over from the previous file so that an alert on its age keeps working.
 */
final class RunMetrics {
    private final String prefix;
    private final Clock clock;
    private final long startNanos = System.nanoTime();
    private final List<Consumer<RunMetrics>> sources = new ArrayList<>();
    private final Map<String, MetricsFile.Gauge> gauges = new LinkedHashMap<>();

    RunMetrics(String command, Clock clock) {
        this.prefix = "mailsnap_" + command.replace(' ', '_').replace('-', '_') + "_";
        this.clock = clock;
    }

    /** Adds a source of figures, asked when the file is written (after the run, however it ended). */
    void source(Consumer<RunMetrics> source) {
        sources.add(source);
    }

    void gauge(String name, String help, double value) {
        gauges.put(prefix + name, new MetricsFile.Gauge(prefix + name, help, value));
    }

    /** Everything to write for a run that ended with {@code exitCode}; {@code previous} is the file it replaces. */
    List<MetricsFile.Gauge> finish(int exitCode, java.nio.file.Path previous) {
        double now = clock.millis() / 1000.0;
        for (Consumer<RunMetrics> source : sources) {
            try {
                source.accept(this);
            } catch (RuntimeException e) {
                // a figure that cannot be had (the run failed before it existed) is left out, not the file
            }
        }
        gauge("duration_seconds", "Wall time of the last run in seconds.", (System.nanoTime() - startNanos) / 1e9);
        gauge("exit_code", "Exit code of the last run (0 success, 3 partial, 4 busy; see mailsnap --help).", exitCode);
        gauge("last_run_timestamp_seconds", "When the last run ended, in seconds since the epoch.", now);
        String success = prefix + "last_success_timestamp_seconds";
        java.util.OptionalDouble last =
                exitCode == 0 ? java.util.OptionalDouble.of(now) : MetricsFile.read(previous, success);
        if (last.isPresent()) {
            gauge(
                    "last_success_timestamp_seconds",
                    "When the last run that exited 0 ended, in seconds since the epoch.",
                    last.getAsDouble());
        }
        gauge("success", "1 if the last run exited 0, else 0.", exitCode == 0 ? 1 : 0);
        return List.copyOf(gauges.values());
    }
}
