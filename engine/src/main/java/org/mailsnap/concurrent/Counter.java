package org.mailsnap.concurrent;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A count that the engine's threads update while an operation runs and another thread reads: a progress
 * renderer on its own timer, or the operation's result at the end. Each operation's progress class is a set of
 * named counters. Thread-safe.
 */
public final class Counter {
    private final AtomicLong value = new AtomicLong();

    public long get() {
        return value.get();
    }

    public void increment() {
        value.incrementAndGet();
    }

    public void add(long delta) {
        value.addAndGet(delta);
    }

    /** For totals known up front (how many mailboxes, snapshots, folders there are to do). */
    public void set(long newValue) {
        value.set(newValue);
    }

    /** Keeps the largest value seen (a maximum over the run). */
    public void raiseTo(long candidate) {
        value.accumulateAndGet(candidate, Math::max);
    }
}
