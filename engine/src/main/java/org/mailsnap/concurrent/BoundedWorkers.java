package org.mailsnap.concurrent;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs I/O tasks on {@code threads} daemon threads with at most {@code 4 × threads} of them submitted and not yet
 * finished (the window): {@link #submit} waits for room, so memory held by waiting tasks stays bounded. The first
 * task failure is kept; tasks that have not started yet are then skipped, and the next {@link #submit} or
 * {@link #awaitAll} throws it. {@link #close} waits for the running tasks. Used by one producer thread at a time.
 */
public final class BoundedWorkers implements AutoCloseable {
    /** One piece of work. */
    public interface Task {
        void run() throws IOException;
    }

    /** One piece of work with a result. */
    public interface IoFunction<I, O> {
        O apply(I input) throws IOException;
    }

    private final ExecutorService pool;
    private final String job;
    private final int windowSize;
    private final Semaphore window;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * @param threadName name of the worker threads
     * @param threads    how many tasks run at once
     * @param job        what the tasks are part of, for errors ("backup failed: …", "restore interrupted")
     */
    public BoundedWorkers(String threadName, int threads, String job) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.named(threadName));
        this.job = job;
        this.windowSize = threads * 4;
        this.window = new Semaphore(windowSize);
    }

    /**
     * Runs {@code task} on a worker once the window has room. {@code release} runs exactly once whatever happens
     * (after the task, or when the task fails, is skipped or is refused), so that what the task holds, such as an
     * open directory, is always given back.
     *
     * @throws IOException the failure of an earlier task, or {@link InterruptedIOException} when interrupted
     *                     while waiting for room; {@code task} is then not run
     */
    public void submit(Task task, Runnable release) throws IOException {
        try {
            acquire(1);
        } catch (InterruptedIOException interrupted) {
            release.run();
            throw interrupted;
        }
        try {
            rethrowFailure();
        } catch (IOException failed) {
            window.release();
            release.run();
            throw failed;
        }
        pool.execute(() -> {
            try {
                if (failure.get() == null) {
                    task.run();
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                try {
                    release.run();
                } finally {
                    window.release();
                }
            }
        });
    }

    /** Applies {@code function} to every input in parallel and returns the results in input order. */
    public <I, O> List<O> map(List<I> inputs, IoFunction<? super I, ? extends O> function) throws IOException {
        List<O> results = new ArrayList<>(Collections.nCopies(inputs.size(), null));
        for (int i = 0; i < results.size(); i++) {
            int at = i;
            submit(() -> results.set(at, function.apply(inputs.get(at))), () -> {});
        }
        awaitAll(); // a task's write of its slot happens before its window release, and so before this returns
        return results;
    }

    /** Waits until every submitted task has finished, then throws the first failure, if any. */
    public void awaitAll() throws IOException {
        acquire(windowSize);
        window.release(windowSize);
        rethrowFailure();
    }

    /** Lets the running tasks finish (however long a huge file takes: none may outlive the run) and stops. */
    @Override
    public void close() throws InterruptedIOException {
        pool.shutdown();
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // a task on a slow disk: keep waiting
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            throw interrupted();
        }
    }

    private void acquire(int permits) throws InterruptedIOException {
        try {
            window.acquire(permits);
        } catch (InterruptedException e) {
            failure.compareAndSet(null, e); // the tasks not yet started are skipped
            throw interrupted();
        }
    }

    private InterruptedIOException interrupted() {
        Thread.currentThread().interrupt();
        return new InterruptedIOException(job + " interrupted");
    }

    private void rethrowFailure() throws IOException {
        Throwable t = failure.get();
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof InterruptedException) {
            throw new InterruptedIOException(job + " interrupted");
        }
        if (t != null) {
            throw new IOException(job + " failed: " + t, t);
        }
    }
}
