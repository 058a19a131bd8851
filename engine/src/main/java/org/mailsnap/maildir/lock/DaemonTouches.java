package org.mailsnap.maildir.lock;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The shared touch thread, created on first use; a daemon, so it never keeps the JVM alive. */
final class DaemonTouches {
    static final TouchScheduler SCHEDULER = TouchScheduler.of(createExecutor());

    private DaemonTouches() {}

    private static ScheduledThreadPoolExecutor createExecutor() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "mailsnap-lock-touch");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
