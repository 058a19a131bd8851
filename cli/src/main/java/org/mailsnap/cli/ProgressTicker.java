package org.mailsnap.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.mailsnap.concurrent.DaemonThreads;

/**
 * Redraws one progress line on stderr once a second, in place ({@code \r}, then erased at the end), only when a
 * terminal is attached and {@code --quiet} was not given: a timer run or a pipe gets no progress at all. The line
 * comes from a renderer over the engine's counters ({@link ProgressLines}), given the seconds since the start.
 */
final class ProgressTicker implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final Environment env;

    private ProgressTicker(ScheduledExecutorService timer, Environment env) {
        this.timer = timer;
        this.env = env;
    }

    /** Whether progress is drawn: on a terminal, unless quiet. */
    static boolean enabled(boolean quiet, boolean terminal) {
        return terminal && !quiet;
    }

    static ProgressTicker start(Environment env, boolean quiet, LongFunction<String> line) {
        if (!enabled(quiet, System.console() != null)) {
            return new ProgressTicker(null, env);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("mailsnap-progress"));
        long start = System.nanoTime();
        timer.scheduleAtFixedRate(() -> {
            env.err().print("\r\033[K" + line.apply(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)));
            env.err().flush();
        }, 1, 1, TimeUnit.SECONDS);
        return new ProgressTicker(timer, env);
    }

    /** A line that needs no clock (prune, forget), drawn on a terminal. */
    static ProgressTicker start(Environment env, java.util.function.Supplier<String> line) {
        return start(env, false, seconds -> line.get());
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(1, TimeUnit.SECONDS); // no line drawn after the erase below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            env.err().print("\r\033[K");
            env.err().flush();
        }
    }
}
