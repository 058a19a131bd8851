package org.mailsnap.repository;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.mailsnap.model.PackId;
import org.mailsnap.storage.Storage;

/**
 * Reads ranges of packs through aligned segments (the storage's {@link Storage#readAheadBytes()}), each read from
 * storage whole and kept among the last {@link #KEPT}: for readers whose ranges lie next to each other, as a
 * restore's blobs do (it writes messages in the order a backup stored them, so their blobs follow each other in a
 * pack), one storage read serves many blobs: on S3 one request instead of one per blob.
 *
 * <p>A range that crosses a segment's end, and every range of a segment whose read failed, is read directly, so a
 * damaged or truncated pack fails each blob with the error a direct read gives. Thread-safe: threads that want the
 * same segment wait for one read. Memory: at most {@link #KEPT} segments, plus those being read.
 */
final class PackSegments {
    static final int KEPT = 8;
    private static final int SIZES_KEPT = 1024;

    private record Key(PackId pack, long index) {}

    private final Storage storage;
    private final int segment;
    private final Map<Key, CompletableFuture<byte[]>> segments = new ConcurrentHashMap<>();
    /** Guarded by itself: the kept segments' keys, oldest first. */
    private final ArrayDeque<Key> order = new ArrayDeque<>();
    /** Guarded by itself: pack sizes (a segment stops at its pack's end). */
    private final Map<PackId, Long> sizes = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PackId, Long> eldest) {
            return size() > SIZES_KEPT;
        }
    };

    PackSegments(Storage storage, int segment) {
        if (segment <= 0) {
            throw new IllegalArgumentException("segment size must be positive, got " + segment);
        }
        this.storage = storage;
        this.segment = segment;
    }

    /** {@code length} bytes of {@code pack} from {@code offset}, as {@link Storage#getRange} gives them. */
    byte[] read(PackId pack, long offset, int length) throws IOException {
        long index = offset / segment;
        int from = (int) (offset - index * segment);
        if (length == 0 || from + (long) length > segment) {
            return direct(pack, offset, length);
        }
        byte[] bytes = segmentBytes(new Key(pack, index));
        if (bytes == null || from + length > bytes.length) {
            return direct(pack, offset, length); // the read failed, or the pack ends before the range does
        }
        byte[] out = new byte[length];
        System.arraycopy(bytes, from, out, 0, length);
        return out;
    }

    private byte[] direct(PackId pack, long offset, int length) throws IOException {
        return storage.getRange(PackFormat.objectName(pack), offset, length);
    }

    /** The segment's bytes, read by this thread or another; null when its read failed. */
    private byte[] segmentBytes(Key key) throws IOException {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> existing = segments.putIfAbsent(key, mine);
        if (existing == null) {
            keep(key);
            try {
                mine.complete(readSegment(key));
            } catch (IOException | RuntimeException failed) {
                segments.remove(key, mine);
                mine.complete(null);
            }
            return mine.join();
        }
        try {
            return existing.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a pack segment");
        } catch (ExecutionException cannotHappen) {
            throw new IllegalStateException(cannotHappen); // completed exceptionally by no one
        }
    }

    private void keep(Key key) {
        synchronized (order) {
            order.addLast(key);
            while (order.size() > KEPT) {
                segments.remove(order.removeFirst());
            }
        }
    }

    private byte[] readSegment(Key key) throws IOException {
        String name = PackFormat.objectName(key.pack());
        long start = key.index() * segment;
        long size = sizeOf(key.pack(), name);
        int length = (int) Math.min(segment, size - start);
        if (length <= 0) {
            return new byte[0];
        }
        return storage.getRange(name, start, length);
    }

    private long sizeOf(PackId pack, String name) throws IOException {
        synchronized (sizes) {
            Long size = sizes.get(pack);
            if (size != null) {
                return size;
            }
        }
        long size = storage.size(name);
        synchronized (sizes) {
            sizes.put(pack, size);
        }
        return size;
    }
}
