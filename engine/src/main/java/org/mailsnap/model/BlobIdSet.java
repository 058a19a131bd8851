package org.mailsnap.model;

/**
 * A compact set of blob ids by their first 64 bits: an open-addressing table of {@code long}s (linear probing, load
 * at most 0.8). 10 M blobs cost 12.5 M slots × 8 bytes = 100 MB; a map of {@code BlobId} objects would take ~10
 * times that. prune's live set and the blobs {@code stats} counts are such sets.
 *
 * <p>Two ways to size it. {@link #BlobIdSet(long) Sized once} from a known bound (the number of indexed blobs) and
 * never resized: a slot then keeps its index for good, so callers keep per-blob bits or counters in arrays beside
 * the set, indexed by {@link #slotOf}. {@link #growing() Growing}: doubles its table when it reaches the load limit,
 * for a count nobody knows ahead; its slots move when it grows, so nothing may be kept by slot.
 *
 * <p>Why 64 bits are enough: two ids sharing a prefix count as one. Blob ids are keyed hashes (uniform, chosen by
 * nobody), so among n ids the chance that any two share a prefix is about n² / 2^65 (3·10^-6 at 10 M), and a given
 * id absent from the set is taken for present with probability n / 2^64 (5·10^-13 at 10 M). A user of the set
 * states what such a collision costs it: prune keeps a dead blob (space, never data); stats counts two blobs as one.
 * Other 64-bit keys ({@link #add(long)}: e.g. a blob combined with a mailbox number) are held the same way.
 */
public final class BlobIdSet {
    private static final long EMPTY = 0;
    private static final double LOAD = 0.8;
    private final boolean grows;
    private long[] slots;
    private int capacity;
    private int size;

    /** A set for at most {@code expected} ids, never resized. */
    public BlobIdSet(long expected) {
        this(capacityFor(expected), false);
    }

    private BlobIdSet(int capacity, boolean grows) {
        this.capacity = capacity;
        this.slots = new long[capacity];
        this.grows = grows;
    }

    /** An empty set that grows as ids are added (slot indexes are not stable: see the class doc). */
    public static BlobIdSet growing() {
        return new BlobIdSet(capacityFor(0), true);
    }

    private static int capacityFor(long expected) {
        long wanted = Math.max(16, (long) Math.ceil(Math.max(expected, 1) / LOAD));
        if (wanted > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many blobs for one set: " + expected);
        }
        return (int) wanted;
    }

    /** Adds the id; returns false when it (or an id with the same 64-bit prefix) was there already. */
    public boolean add(BlobId id) {
        return add(keyOf(id));
    }

    /** Adds a 64-bit key; returns false when it was there already. */
    public boolean add(long key) {
        long k = key == EMPTY ? 1 : key;
        int i = probe(k);
        if (slots[i] == k) {
            return false;
        }
        if (grows && size + 1 > capacity * LOAD) {
            grow();
            return add(k);
        }
        if (size >= capacity - 1) {
            throw new IllegalStateException("blob set full: more blobs (" + size + ") than it was sized"
                    + " for; the repository's indexes are incomplete (run check)");
        }
        slots[i] = k;
        size++;
        return true;
    }

    public boolean contains(BlobId id) {
        return slotOf(id) >= 0;
    }

    /**
     * The slot holding the id's prefix, or -1: for per-blob data kept in arrays beside a set sized once (a growing
     * set's slots move).
     */
    public int slotOf(BlobId id) {
        long key = keyOf(id);
        int i = probe(key);
        return slots[i] == key ? i : -1;
    }

    /**
     * The slot holding {@code key} (never {@link #EMPTY}), or else the empty slot where linear probing from its home
     * stops, where it would be added. The table always has an empty slot: it is never filled up.
     */
    private int probe(long key) {
        int i = home(key);
        while (slots[i] != key && slots[i] != EMPTY) {
            i = i + 1 == capacity ? 0 : i + 1;
        }
        return i;
    }

    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    /** Bytes of memory the table holds. */
    public long bytes() {
        return 8L * capacity;
    }

    /**
     * The id's first 8 bytes, big-endian; 0 is the empty marker, so an id starting with 8 zero bytes counts as 1.
     * Public so that a caller can combine it with other numbers into a key of its own ({@link #add(long)}).
     */
    public static long keyOf(BlobId id) {
        byte[] b = id.toBytes();
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v == EMPTY ? 1 : v;
    }

    private void grow() {
        long[] old = slots;
        capacity = capacityFor(2L * size); // twice the ids it holds: load 0.4 after growing
        slots = new long[capacity];
        size = 0;
        for (long k : old) {
            if (k != EMPTY) {
                add(k);
            }
        }
    }

    /** Maps the (uniform) key onto [0, capacity) without a division: the high half of key × capacity. */
    private int home(long key) {
        return (int) Math.multiplyHigh(key & Long.MAX_VALUE, (long) capacity << 1);
    }
}
