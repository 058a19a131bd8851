package org.mailsnap.maildir.lock;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.mailsnap.concurrent.DaemonThreads;

/** The shared touch thread, created on first use; a daemon, so it never keeps the JVM alive. */
final class DaemonTouches {
    static final TouchScheduler SCHEDULER = TouchScheduler.of(createExecutor());

    private DaemonTouches() {}

    private static ScheduledThreadPoolExecutor createExecutor() {
        ScheduledThreadPoolExecutor executor =
                new ScheduledThreadPoolExecutor(1, DaemonThreads.named("mailsnap-lock-touch"));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
