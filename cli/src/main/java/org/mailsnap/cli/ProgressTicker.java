package org.mailsnap.cli;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.mailsnap.concurrent.DaemonThreads;

/**
 * Reports a long command's progress on stderr once a second, in one of two forms: on a terminal, one line redrawn in
 * place ({@code \r}, then erased at the end) from {@link ProgressLines}; with {@code --json-progress}, terminal or
 * not, one JSON object a line from {@link ProgressEvents}, and a last one marked {@code "final":true} when the work
 * ends. {@code --quiet} silences both; a timer run or a pipe without {@code --json-progress} gets nothing. Each
 * renderer is given the seconds since the start.
 */
final class ProgressTicker implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final Runnable last;

    private ProgressTicker(ScheduledExecutorService timer, Runnable last) {
        this.timer = timer;
        this.last = last;
    }

    /** Whether the line is drawn: on a terminal, unless quiet. */
    static boolean enabled(boolean quiet, boolean terminal) {
        return terminal && !quiet;
    }

    /** The command's progress as {@code options} ask: JSON events, a terminal line, or nothing. */
    static ProgressTicker start(
            Environment env,
            ProgressOptions options,
            LongFunction<String> line,
            LongFunction<Map<String, Object>> event) {
        if (options.json && !options.quiet) {
            long start = System.nanoTime();
            LongFunction<String> json = seconds -> Json.object(event.apply(seconds)) + "\n";
            ScheduledExecutorService timer = every(() -> print(env, json.apply(since(start))));
            return new ProgressTicker(timer, () -> {
                Map<String, Object> ended = event.apply(since(start));
                ended.put("final", true);
                print(env, Json.object(ended) + "\n");
            });
        }
        return start(env, options.quiet, line);
    }

    static ProgressTicker start(Environment env, boolean quiet, LongFunction<String> line) {
        if (!enabled(quiet, env.terminal())) {
            return new ProgressTicker(null, () -> {});
        }
        long start = System.nanoTime();
        ScheduledExecutorService timer = every(() -> print(env, "\r\033[K" + line.apply(since(start))));
        return new ProgressTicker(timer, () -> print(env, "\r\033[K"));
    }

    @SuppressWarnings("FutureReturnValueIgnored") // a tick that fails only ends the progress line, never the command
    private static ScheduledExecutorService every(Runnable tick) {
        ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("mailsnap-progress"));
        timer.scheduleAtFixedRate(tick, 1, 1, TimeUnit.SECONDS);
        return timer;
    }

    private static long since(long start) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    }

    private static void print(Environment env, String text) {
        env.err().print(text);
        env.err().flush();
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(1, TimeUnit.SECONDS); // nothing drawn after the last output below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        last.run();
    }
}
