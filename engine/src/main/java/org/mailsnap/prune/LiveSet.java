package org.mailsnap.prune;

import org.mailsnap.model.BlobId;

/**
 * The blob ids that kept snapshots reference, as a compact set of their first 64 bits: an open-addressing table of
 * {@code long}s (linear probing, load at most 0.8, sized once from the number of indexed blobs, never resized).
 * 10 M blobs cost 12.5 M slots × 8 bytes = 100 MB; a map of {@code BlobId} objects would take ~10 times that.
 *
 * <p>Why 64 bits are enough: the set only ever answers "may this blob be live?". Two ids sharing a prefix make a
 * dead blob look live, so it is kept: space, never data, is lost. Blob ids are keyed hashes (uniform, chosen by
 * nobody), so with n live blobs a given dead blob is kept by mistake with probability n / 2^64 (5·10^-13 at 10 M).
 * Nothing is ever decided from the set's "no" except for blobs that are truly absent from it.
 */
final class LiveSet {
    private static final long EMPTY = 0;
    private final long[] slots;
    private final int capacity;
    private int size;

    /** A set for at most {@code expected} ids. */
    LiveSet(long expected) {
        long wanted = Math.max(16, (long) Math.ceil(Math.max(expected, 1) / 0.8));
        if (wanted > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many blobs for one live set: " + expected);
        }
        this.capacity = (int) wanted;
        this.slots = new long[capacity];
    }

    /** Adds the id; returns false when it (or an id with the same 64-bit prefix) was there already. */
    boolean add(BlobId id) {
        long key = keyOf(id);
        int i = home(key);
        while (true) {
            long k = slots[i];
            if (k == key) {
                return false;
            }
            if (k == EMPTY) {
                if (size >= capacity - 1) {
                    throw new IllegalStateException("live set full: more referenced blobs (" + size
                            + ") than indexed ones; the repository's indexes are incomplete (run check)");
                }
                slots[i] = key;
                size++;
                return true;
            }
            i = i + 1 == capacity ? 0 : i + 1;
        }
    }

    boolean contains(BlobId id) {
        return slotOf(id) >= 0;
    }

    /** The slot holding the id's prefix, or -1 (for per-blob bits kept beside the set). */
    int slotOf(BlobId id) {
        long key = keyOf(id);
        int i = home(key);
        while (true) {
            long k = slots[i];
            if (k == key) {
                return i;
            }
            if (k == EMPTY) {
                return -1;
            }
            i = i + 1 == capacity ? 0 : i + 1;
        }
    }

    int capacity() {
        return capacity;
    }

    int size() {
        return size;
    }

    /** Bytes of memory the table holds. */
    long bytes() {
        return 8L * capacity;
    }

    /** The first 8 bytes, big-endian; 0 is the empty marker, so an id starting with 8 zero bytes counts as 1. */
    private static long keyOf(BlobId id) {
        byte[] b = id.toBytes();
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v == EMPTY ? 1 : v;
    }

    /** Maps the (uniform) key onto [0, capacity) without a division: the high half of key × capacity. */
    private int home(long key) {
        return (int) Math.multiplyHigh(key & Long.MAX_VALUE, (long) capacity << 1);
    }
}
