package org.mailsnap.maildir.lock;

import java.time.Duration;

/** Runs a held lock's periodic touch; injectable so tests can fire touches themselves. */
@FunctionalInterface
public interface TouchScheduler {

    /** A scheduled repetition. */
    interface Scheduled {
        void cancel();
    }

    /** Runs {@code task} every {@code interval} until cancelled. */
    Scheduled every(Duration interval, Runnable task);

    /** Touches on one shared daemon thread (a touch is one {@code utime}, so one thread serves every lock). */
    static TouchScheduler daemon() {
        return DaemonTouches.SCHEDULER;
    }
}
