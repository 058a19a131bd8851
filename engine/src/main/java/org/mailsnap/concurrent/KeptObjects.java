package org.mailsnap.concurrent;

import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Costly objects (native contexts, large buffers) kept idle for the next user instead of being made anew: a thread
 * {@link #take}s one, uses it alone, and {@link #give}s it back. At most {@code kept} idle ones are kept; one given
 * back beyond that is released, so what is kept stays bounded by the peak number of users at once. Thread-safe.
 */
public final class KeptObjects<T> {
    private final Supplier<T> create;
    private final Consumer<T> release;
    /** Bounded to {@code kept}: a full one refuses {@code offerFirst} (nothing here ever waits). */
    private final LinkedBlockingDeque<T> idle;

    /**
     * @param kept    how many idle ones are kept at most (at least 1)
     * @param create  makes a new one when none is idle
     * @param release frees one that is not kept (closes a native context; nothing for a plain array)
     */
    public KeptObjects(int kept, Supplier<T> create, Consumer<T> release) {
        this.create = create;
        this.release = release;
        this.idle = new LinkedBlockingDeque<>(kept);
    }

    /** An idle one, most recently given back first, or a new one. */
    public T take() {
        T object = idle.pollFirst();
        return object != null ? object : create.get();
    }

    /** Keeps {@code object} for the next {@link #take}, or releases it when {@code kept} are idle already. */
    public void give(T object) {
        if (!idle.offerFirst(object)) {
            release.accept(object);
        }
    }
}
