package org.mailsnap.catalog;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts what is using the catalog's environments, so that closing it while in use fails instead of crashing. */
final class Handles {
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean closed;

    void enter() {
        open.incrementAndGet();
        if (closed) {
            open.decrementAndGet();
            throw new IllegalStateException("catalog is closed");
        }
    }

    void exit() {
        open.decrementAndGet();
    }

    /**
     * Marks closed; fails (and stays open) while readers, writers or lookups are still running.
     *
     * @return false when it was closed already
     */
    synchronized boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        int inUse = open.get();
        if (inUse != 0) {
            closed = false;
            throw new IllegalStateException(
                    "catalog still in use by " + inUse + " reader(s), writer(s) or lookup(s): close them first");
        }
        return true;
    }
}
