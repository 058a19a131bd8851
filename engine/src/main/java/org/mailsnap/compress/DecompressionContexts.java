package org.mailsnap.compress;

import com.github.luben.zstd.ZstdDecompressCtx;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * zstd decompression contexts kept for the next blob. Creating one allocates and clears its tables in native memory,
 * which costs more than decompressing a typical mail blob; a restore opens a hundred thousand. A context is taken by
 * one thread for one frame and given back; at most {@link #KEPT} idle ones are kept (the rest are closed), so native
 * memory stays bounded by the peak number of threads decompressing at once.
 */
final class DecompressionContexts {
    private static final int KEPT = Math.max(4, 4 * Runtime.getRuntime().availableProcessors());

    private static final ConcurrentLinkedDeque<ZstdDecompressCtx> IDLE = new ConcurrentLinkedDeque<>();
    private static final AtomicInteger IDLE_COUNT = new AtomicInteger();

    private DecompressionContexts() {}

    static ZstdDecompressCtx take() {
        ZstdDecompressCtx ctx = IDLE.pollFirst();
        if (ctx == null) {
            return new ZstdDecompressCtx();
        }
        IDLE_COUNT.decrementAndGet();
        return ctx;
    }

    /** Gives back a context whose last frame decoded cleanly; one that failed is {@link #discard}ed instead. */
    static void give(ZstdDecompressCtx ctx) {
        if (IDLE_COUNT.incrementAndGet() <= KEPT) {
            IDLE.offerFirst(ctx);
        } else {
            IDLE_COUNT.decrementAndGet();
            ctx.close();
        }
    }

    /** Closes a context that reported an error: nothing of a corrupt frame's state is carried into the next one. */
    static void discard(ZstdDecompressCtx ctx) {
        ctx.close();
    }
}
