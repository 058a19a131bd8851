package org.mailsnap.maildir.lock;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.mailsnap.concurrent.DaemonThreads;

/** The shared touch thread, created on first use; a daemon, so it never keeps the JVM alive. */
final class DaemonTouches {
    private static final ScheduledThreadPoolExecutor EXECUTOR = createExecutor();
    static final TouchScheduler SCHEDULER = (interval, task) -> {
        long millis = interval.toMillis();
        ScheduledFuture<?> future = EXECUTOR.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    };

    private DaemonTouches() {}

    private static ScheduledThreadPoolExecutor createExecutor() {
        ScheduledThreadPoolExecutor executor =
                new ScheduledThreadPoolExecutor(1, DaemonThreads.named("mailsnap-lock-touch"));
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
