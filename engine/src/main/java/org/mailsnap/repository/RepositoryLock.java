package org.mailsnap.repository;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mailsnap.concurrent.DaemonThreads;
import org.mailsnap.model.ObjectId;

/**
 * A held repository lock. Refreshed on a timer (when the interval is not zero) by writing a new lock object and
 * deleting the previous one; {@link #close()} releases it. Thread-safe.
 */
public final class RepositoryLock implements AutoCloseable {
    private final LockManager manager;
    private LockRecord record;
    private ObjectId id;
    private boolean released;
    private IOException refreshFailure;
    private final ScheduledExecutorService timer;

    RepositoryLock(LockManager manager, LockRecord record, ObjectId id, Duration refreshInterval) {
        this.manager = manager;
        this.record = record;
        this.id = id;
        if (refreshInterval.isZero()) {
            this.timer = null;
        } else {
            this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("mailsnap-lock-refresh"));
            long millis = refreshInterval.toMillis();
            @SuppressWarnings("FutureReturnValueIgnored") // refreshQuietly records its own failures
            var unused = timer.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Publishes a refreshed lock object and removes the previous one. */
    public synchronized void refresh() throws IOException {
        if (released) {
            throw new IllegalStateException("lock " + id + " was released");
        }
        LockRecord next = record.refreshedAt(manager.clock().instant());
        ObjectId nextId = manager.refresh(next, id);
        record = next;
        id = nextId;
    }

    /**
     * Fails when the lock can no longer be relied on: a refresh failed, or it has not been refreshed within the
     * stale age (others may have removed it). Long operations call it before a step that needs the lock.
     */
    public synchronized void checkHeld() throws RepositoryException {
        if (refreshFailure != null) {
            throw new RepositoryException(
                    "lock " + id + ": refresh failed: " + refreshFailure.getMessage(), refreshFailure);
        }
        Instant now = manager.clock().instant();
        if (manager.isStale(record, now)) {
            throw new RepositoryException("lock " + id + ": not refreshed since " + record.refreshed()
                    + ", now stale; another process may have taken the repository");
        }
    }

    public synchronized ObjectId id() {
        return id;
    }

    public boolean exclusive() {
        return record.exclusive();
    }

    public synchronized LockInfo info() {
        return manager.info(id, record);
    }

    /** Stops refreshing and deletes the lock object. */
    @Override
    public void close() throws IOException {
        if (timer != null) {
            timer.shutdownNow();
        }
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            manager.remove(id);
        }
    }

    private synchronized void refreshQuietly() {
        if (released) {
            return;
        }
        try {
            refresh();
        } catch (IOException e) {
            refreshFailure = e;
        }
    }
}
