package org.mailsnap.concurrent;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Costly objects (native contexts, large buffers) kept idle for the next user instead of being made anew: a thread
 * {@link #take}s one, uses it alone, and {@link #give}s it back. At most {@code kept} idle ones are kept; one given
 * back beyond that is released, so what is kept stays bounded by the peak number of users at once. Thread-safe.
 */
public final class KeptObjects<T> {
    private final int kept;
    private final Supplier<T> create;
    private final Consumer<T> release;
    private final ConcurrentLinkedDeque<T> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    /**
     * @param create  makes a new one when none is idle
     * @param release frees one that is not kept (closes a native context; nothing for a plain array)
     */
    public KeptObjects(int kept, Supplier<T> create, Consumer<T> release) {
        this.kept = kept;
        this.create = create;
        this.release = release;
    }

    /** An idle one, most recently given back first, or a new one. */
    public T take() {
        T object = idle.pollFirst();
        if (object == null) {
            return create.get();
        }
        idleCount.decrementAndGet();
        return object;
    }

    /** Keeps {@code object} for the next {@link #take}, or releases it when {@code kept} are idle already. */
    public void give(T object) {
        if (idleCount.incrementAndGet() <= kept) {
            idle.offerFirst(object);
        } else {
            idleCount.decrementAndGet();
            release.accept(object);
        }
    }
}
