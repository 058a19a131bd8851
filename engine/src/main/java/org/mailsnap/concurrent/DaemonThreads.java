package org.mailsnap.concurrent;

import java.util.concurrent.ThreadFactory;

/** Named daemon threads: work that must never keep the JVM alive once the command is done. */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** A factory whose threads are daemons called {@code name} (shown in thread dumps). */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Starts {@code task} on a new daemon thread called {@code name}. */
    public static Thread start(String name, Runnable task) {
        Thread thread = named(name).newThread(task);
        thread.start();
        return thread;
    }
}
