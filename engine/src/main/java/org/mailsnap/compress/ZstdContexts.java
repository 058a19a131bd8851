package org.mailsnap.compress;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * zstd contexts (compression or decompression) kept for the next blob. Creating one allocates and clears its tables
 * in native memory, which costs more than compressing or decompressing a typical mail blob; a first backup
 * compresses a hundred thousand, a restore opens as many. A context is taken by one thread for one frame and given
 * back; at most {@link #KEPT} idle ones are kept (the rest are closed), so native memory stays bounded by the peak
 * number of threads using contexts at once.
 */
final class ZstdContexts<C> {
    private static final int KEPT = Math.max(4, 4 * Runtime.getRuntime().availableProcessors());

    private final Supplier<C> create;
    private final Consumer<C> close;
    private final ConcurrentLinkedDeque<C> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    ZstdContexts(Supplier<C> create, Consumer<C> close) {
        this.create = create;
        this.close = close;
    }

    C take() {
        C ctx = idle.pollFirst();
        if (ctx == null) {
            return create.get();
        }
        idleCount.decrementAndGet();
        return ctx;
    }

    /** Gives back a context whose last frame ended cleanly; one that failed is {@link #discard}ed instead. */
    void give(C ctx) {
        if (idleCount.incrementAndGet() <= KEPT) {
            idle.offerFirst(ctx);
        } else {
            idleCount.decrementAndGet();
            close.accept(ctx);
        }
    }

    /** Closes a context that reported an error: nothing of a failed frame's state is carried into the next one. */
    void discard(C ctx) {
        close.accept(ctx);
    }
}
