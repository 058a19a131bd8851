package org.mailsnap.restore;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The restore's parallel write run: writes go to a fixed pool of worker threads, at most a few per thread in flight
 * (a window of permits), so the manifest is not read ahead of the disk and memory stays bounded. The first failure
 * of a write stops the run: writes still queued see it and do nothing, and the next {@link #submit} or
 * {@link #awaitAll} throws it. {@link #close} waits for every worker, so none outlives the restore.
 */
final class ParallelWrites implements AutoCloseable {
    /** One write; what it throws fails the whole run. */
    @FunctionalInterface
    interface Write {
        void run() throws Exception;
    }

    private static final int IN_FLIGHT_PER_THREAD = 4;

    private final ExecutorService pool;
    private final int windowSize;
    private final Semaphore window;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    ParallelWrites(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mailsnap-restore");
            t.setDaemon(true);
            return t;
        });
        this.windowSize = threads * IN_FLIGHT_PER_THREAD;
        this.window = new Semaphore(windowSize);
    }

    /**
     * Runs {@code write} on a worker once the window has room; {@code release} runs after it in every case (also
     * when the write is dropped because the run failed, or this call throws).
     */
    void submit(Write write, Runnable release) throws IOException {
        try {
            acquire(1);
        } catch (InterruptedIOException e) {
            release.run();
            throw e;
        }
        if (failure.get() != null) {
            window.release();
            release.run();
            rethrowFailure();
        }
        pool.execute(() -> {
            try {
                if (failure.get() == null) {
                    write.run();
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                release.run();
                window.release();
            }
        });
    }

    /** Waits until every submitted write has finished, then reports the first failure. */
    void awaitAll() throws IOException {
        acquire(windowSize);
        window.release(windowSize);
        rethrowFailure();
    }

    /** Stops taking writes and waits for the workers: none runs once this returns. */
    @Override
    public void close() throws InterruptedIOException {
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // a write of a huge message on a slow disk: keep waiting, it must not outlive the restore
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("restore interrupted");
        }
    }

    private void acquire(int permits) throws InterruptedIOException {
        try {
            window.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("restore interrupted");
        }
    }

    private void rethrowFailure() throws IOException {
        Throwable t = failure.get();
        if (t instanceof IOException io) {
            throw io;
        }
        if (t != null) {
            throw new IOException("restore failed: " + t, t);
        }
    }
}
