package org.mailsnap.storage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files a thread has lately read ranges of, kept open for its next range read. A restore reads a pack blob after
 * blob, and opening, sizing and closing the pack's file for every blob cost it more CPU than the reads themselves
 * (benchmarks/results/2026-12-07-kept-packs). Ranges are read only from objects written once (packs, whose names are
 * the hashes of their bytes), so a kept file holds the bytes its name promises for as long as it is open, also after
 * a prune deleted the name, as a read already under way would.
 *
 * <p>Each thread keeps its own {@link #PER_THREAD} files, the most recently used first: a channel is closed by an
 * interrupt of the thread reading from it, which must not fail another thread's read. A closed one is opened again.
 */
final class KeptReadFiles implements Closeable {
    /** A restore's blobs mostly lie in one pack, and a message's parts now and then in a few others. */
    static final int PER_THREAD = 4;

    /** An object's file, its path and its channel open for reading, with its size when opened. */
    record Kept(String name, Path file, FileChannel channel, long size) {}

    /** Opens and sizes an object's file. */
    @FunctionalInterface
    interface Opener {
        Kept open(String name) throws IOException;
    }

    private final ThreadLocal<Kept[]> byThread = ThreadLocal.withInitial(() -> new Kept[PER_THREAD]);
    private final Set<FileChannel> open = ConcurrentHashMap.newKeySet();

    /** The calling thread's kept file of {@code name}, opened by {@code opener} if it keeps none that is open. */
    Kept of(String name, Opener opener) throws IOException {
        Kept[] kept = byThread.get();
        int found = 0;
        while (found < kept.length && kept[found] != null && !kept[found].name().equals(name)) {
            found++;
        }
        Kept hit = found < kept.length ? kept[found] : null;
        if (hit == null || !hit.channel().isOpen()) {
            found = hit == null ? kept.length - 1 : found;
            forget(kept[found]);
            hit = opener.open(name);
            open.add(hit.channel());
        }
        System.arraycopy(kept, 0, kept, 1, found);
        kept[0] = hit;
        return hit;
    }

    private void forget(Kept evicted) throws IOException {
        if (evicted != null) {
            open.remove(evicted.channel());
            evicted.channel().close();
        }
    }

    /** Closes every file kept so far, by any thread; a later read opens its file again. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (FileChannel channel : open) {
            open.remove(channel);
            try {
                channel.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
