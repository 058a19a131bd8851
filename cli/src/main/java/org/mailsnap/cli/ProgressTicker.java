package org.mailsnap.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mailsnap.backup.BackupProgress;

/** Renders the engine's counters on stderr once a second, only when a terminal is attached. */
final class ProgressTicker implements AutoCloseable {
    private final ScheduledExecutorService timer;
    private final Environment env;

    private ProgressTicker(ScheduledExecutorService timer, Environment env) {
        this.timer = timer;
        this.env = env;
    }

    static ProgressTicker start(Environment env, BackupProgress p) {
        return start(env, () -> String.format("  mailboxes %d/%d, messages seen %d, read %d (%s)", p.mailboxesDone(),
                p.mailboxesTotal(), p.messagesSeen(), p.messagesRead(), Units.bytes(p.bytesRead())));
    }

    /** Prints {@code line}'s text once a second (prune, forget). */
    static ProgressTicker start(Environment env, java.util.function.Supplier<String> line) {
        if (System.console() == null) {
            return new ProgressTicker(null, env);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mailsnap-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            env.err().print("\r" + line.get() + "   ");
            env.err().flush();
        }, 1, 1, TimeUnit.SECONDS);
        return new ProgressTicker(timer, env);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            env.err().print("\r\033[K");
            env.err().flush();
        }
    }
}
