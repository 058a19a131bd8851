package org.mailsnap.repository;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.mailsnap.model.PackId;
import org.mailsnap.storage.Storage;

/**
 * Reads ranges of packs through segments: a range no kept segment holds, starting close to where a range read
 * recently from the same pack ended, is read with what follows it, up to the storage's
 * {@link Storage#readAheadBytes()} or the pack's end, as one segment, and the {@link #KEPT} segments used last are
 * kept. For readers whose ranges mostly follow each other, as a restore's blobs do (it writes messages in the order
 * a backup stored them), one storage read serves many blobs: on S3 one request instead of one per blob. A segment
 * starts where the range that needed it starts, so no range is split between two; the most recently used are kept,
 * so a segment of blobs that many messages share (a copied message, a common attachment) stays. A range far from
 * every recent one (a blob deduplicated against another mailbox's, or one of a few scattered through a pack) is read
 * alone: a segment for it would read a megabyte for a few kilobytes.
 *
 * <p>A range longer than a segment, one past the pack's end, and every range of a segment whose read failed is read
 * directly, so a damaged or truncated pack fails each blob with the error a direct read gives. Thread-safe: a thread
 * that wants a range a segment being read will hold waits for that read. Memory: at most {@link #KEPT} segments,
 * plus those being read.
 */
final class PackSegments {
    static final int KEPT = 8;
    private static final int SIZES_KEPT = 1024;
    /** How many recent reads tell whether a range is near others. */
    private static final int RECENT = 32;

    /** Where a range asked for ended. */
    private record Access(PackId pack, long end) {}

    /** A segment of a pack: bytes [start, end), read once by the thread that made it. */
    private record Segment(PackId pack, long start, long end, CompletableFuture<byte[]> bytes) {
        boolean holds(PackId p, long offset, int length) {
            return pack.equals(p) && offset >= start && offset + length <= end;
        }
    }

    private final Storage storage;
    private final int segmentBytes;
    /** Guarded by itself: the kept segments, least recently used first. */
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    /** Guarded by {@code segments}: the ranges asked for last, oldest first. */
    private final ArrayDeque<Access> recent = new ArrayDeque<>();
    /** Guarded by itself: pack sizes (a segment stops at its pack's end). */
    private final Map<PackId, Long> sizes = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PackId, Long> eldest) {
            return size() > SIZES_KEPT;
        }
    };

    PackSegments(Storage storage, int segmentBytes) {
        if (segmentBytes <= 0) {
            throw new IllegalArgumentException("segment size must be positive, got " + segmentBytes);
        }
        this.storage = storage;
        this.segmentBytes = segmentBytes;
    }

    /** {@code length} bytes of {@code pack} from {@code offset}, as {@link Storage#getRange} gives them. */
    byte[] read(PackId pack, long offset, int length) throws IOException {
        if (length == 0 || length > segmentBytes) {
            return direct(pack, offset, length);
        }
        Segment segment;
        boolean near;
        synchronized (segments) {
            near = nearRecent(pack, offset, length);
            segment = usedAgain(pack, offset, length);
        }
        if (segment != null) {
            return copy(awaited(segment), segment, pack, offset, length);
        }
        if (!near) {
            return direct(pack, offset, length); // far from every recent read: alone, and the pack is not sized
        }
        long size;
        try {
            size = sizeOf(pack);
        } catch (IOException | RuntimeException unknown) {
            return direct(pack, offset, length); // the direct read says what is wrong with the pack
        }
        if (offset + length > size) {
            return direct(pack, offset, length);
        }
        boolean mine = false;
        synchronized (segments) {
            segment = usedAgain(pack, offset, length); // another thread may have made it meanwhile
            if (segment == null) {
                segment = new Segment(pack, offset, Math.min(offset + segmentBytes, size), new CompletableFuture<>());
                segments.addLast(segment);
                if (segments.size() > KEPT) {
                    segments.removeFirst();
                }
                mine = true;
            }
        }
        return copy(mine ? fill(segment) : awaited(segment), segment, pack, offset, length);
    }

    /** The range from the segment's bytes; read directly when the segment's read failed ({@code bytes} null). */
    private byte[] copy(byte[] bytes, Segment segment, PackId pack, long offset, int length) throws IOException {
        if (bytes == null) {
            return direct(pack, offset, length);
        }
        byte[] out = new byte[length];
        System.arraycopy(bytes, (int) (offset - segment.start()), out, 0, length);
        return out;
    }

    /**
     * Whether the range starts close to where a recent range of the pack ended (within a sixteenth of a segment: the
     * blobs of messages read one after another, by several threads at once); records this one. Holds the lock.
     */
    private boolean nearRecent(PackId pack, long offset, int length) {
        boolean near = false;
        for (Access a : recent) {
            if (a.pack().equals(pack) && Math.abs(offset - a.end()) <= segmentBytes / 16) {
                near = true;
                break;
            }
        }
        recent.addLast(new Access(pack, offset + length));
        if (recent.size() > RECENT) {
            recent.removeFirst();
        }
        return near;
    }

    /** The kept segment that holds the range, made the most recently used; null if none. Holds the lock. */
    private Segment usedAgain(PackId pack, long offset, int length) {
        for (Iterator<Segment> it = segments.descendingIterator(); it.hasNext(); ) {
            Segment s = it.next();
            if (s.holds(pack, offset, length)) {
                it.remove();
                segments.addLast(s);
                return s;
            }
        }
        return null;
    }

    /** Reads the segment this thread made; null (and the segment dropped) when the read fails. */
    private byte[] fill(Segment segment) {
        try {
            segment.bytes().complete(storage.getRange(PackFormat.objectName(segment.pack()), segment.start(), (int)
                    (segment.end() - segment.start())));
        } catch (IOException | RuntimeException failed) {
            synchronized (segments) {
                segments.remove(segment);
            }
            segment.bytes().complete(null);
        }
        return segment.bytes().join();
    }

    private static byte[] awaited(Segment segment) throws InterruptedIOException {
        try {
            return segment.bytes().get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a pack segment");
        } catch (ExecutionException cannotHappen) {
            throw new IllegalStateException(cannotHappen); // nothing completes a segment exceptionally
        }
    }

    private byte[] direct(PackId pack, long offset, int length) throws IOException {
        return storage.getRange(PackFormat.objectName(pack), offset, length);
    }

    private long sizeOf(PackId pack) throws IOException {
        synchronized (sizes) {
            Long size = sizes.get(pack);
            if (size != null) {
                return size;
            }
        }
        long size = storage.size(PackFormat.objectName(pack));
        synchronized (sizes) {
            sizes.put(pack, size);
        }
        return size;
    }
}
