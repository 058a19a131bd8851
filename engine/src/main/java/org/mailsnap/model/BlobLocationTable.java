package org.mailsnap.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Blob locations as sorted primitive arrays instead of objects, for the commands that hold every location the
 * index files list (check, prune): per row the first 8 bytes of the blob id (a keyed hash, so uniformly spread),
 * the pack's number ({@link PackNumbers}), and a byte the caller gives the row (check's status): 13 bytes a
 * row. A table {@link #withLocations with locations} also keeps offset, lengths and position (20 bytes more), for
 * the blobs a command reads (trees, manifests). 10 M rows take ~130 MB without locations and ~330 MB with them,
 * against ~1.5 GB as {@code BlobId → BlobLocation} objects.
 *
 * <p>Looking up by an 8-byte prefix can confuse two ids only with probability ~n/2^64 (5·10^-13 at 10 M rows); for a
 * blob that is read a confusion is caught anyway, because reading re-hashes its plaintext against the full id.
 *
 * <p>Build with {@link #add}, then {@link #seal()} once; lookups only after sealing. One id may have several rows
 * (several packs hold it); they are adjacent: from {@link #lowerBound} while {@link #holds}.
 */
public final class BlobLocationTable implements BlobIndex {
    private final BlobType locationsOf;
    private final PackNumbers packs;
    private int size;
    private long[] prefix = new long[1024];
    private int[] pack = new int[1024];
    private byte[] tag = new byte[1024];
    private long[] offset;
    private int[] length;
    private int[] rawLength;
    private int[] position;
    private boolean sealed;

    private BlobLocationTable(BlobType locationsOf, PackNumbers packs) {
        this.locationsOf = locationsOf;
        this.packs = packs;
        if (locationsOf != null) {
            offset = new long[1024];
            length = new int[1024];
            rawLength = new int[1024];
            position = new int[1024];
        }
    }

    /** A table of ids and packs only. */
    public static BlobLocationTable idsOnly(PackNumbers packs) {
        return new BlobLocationTable(null, packs);
    }

    /** A table that keeps whole locations, of blobs of one type. */
    public static BlobLocationTable withLocations(BlobType type, PackNumbers packs) {
        return new BlobLocationTable(type, packs);
    }

    /** Adds a row: {@code id} at {@code location}, with the caller's byte. */
    public void add(BlobId id, BlobLocation location, byte rowTag) {
        if (sealed) {
            throw new IllegalStateException("table already sealed");
        }
        if (size == prefix.length) {
            int grown = size + (size >> 1);
            prefix = Arrays.copyOf(prefix, grown);
            pack = Arrays.copyOf(pack, grown);
            tag = Arrays.copyOf(tag, grown);
            if (locationsOf != null) {
                offset = Arrays.copyOf(offset, grown);
                length = Arrays.copyOf(length, grown);
                rawLength = Arrays.copyOf(rawLength, grown);
                position = Arrays.copyOf(position, grown);
            }
        }
        prefix[size] = BlobIdSet.keyOf(id);
        pack[size] = packs.numberOf(location.pack());
        tag[size] = rowTag;
        if (locationsOf != null) {
            if (location.type() != locationsOf) {
                throw new IllegalArgumentException("a table of " + locationsOf + " blobs, given a " + location.type());
            }
            offset[size] = location.offset();
            length[size] = location.length();
            rawLength[size] = location.rawLength();
            position[size] = location.indexInPack();
        }
        size++;
    }

    /** Sorts by prefix (heap sort: in place, no boxing, O(n log n) for any input). */
    public void seal() {
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i, size);
        }
        for (int end = size - 1; end > 0; end--) {
            swap(0, end);
            siftDown(0, end);
        }
        sealed = true;
    }

    public int size() {
        return size;
    }

    /** The first row whose prefix is not below {@code id}'s ({@link #size} when there is none). */
    public int lowerBound(BlobId id) {
        long key = BlobIdSet.keyOf(id);
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (prefix[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** True when {@code row} is a row of {@code id} (any row number is accepted). */
    public boolean holds(int row, BlobId id) {
        return row >= 0 && row < size && prefix[row] == BlobIdSet.keyOf(id);
    }

    /** The first row of {@code id}, or -1. */
    public int first(BlobId id) {
        int row = lowerBound(id);
        return holds(row, id) ? row : -1;
    }

    public byte tag(int row) {
        return tag[row];
    }

    public PackId pack(int row) {
        return packs.pack(pack[row]);
    }

    /** The row's whole location; only in a table {@link #withLocations with locations}. */
    public BlobLocation location(int row) {
        if (locationsOf == null) {
            throw new IllegalStateException("this table keeps no locations");
        }
        return new BlobLocation(pack(row), locationsOf, offset[row], length[row], rawLength[row], position[row]);
    }

    /** The location of {@code id}'s first row. */
    @Override
    public Optional<BlobLocation> find(BlobId id) {
        int row = first(id);
        return row < 0 ? Optional.empty() : Optional.of(location(row));
    }

    @Override
    public void addAll(Iterable<Map.Entry<BlobId, BlobLocation>> entries) {
        throw new UnsupportedOperationException("a location table is built with add and seal");
    }

    private void siftDown(int root, int end) {
        while (true) {
            int child = 2 * root + 1;
            if (child >= end) {
                return;
            }
            if (child + 1 < end && prefix[child + 1] > prefix[child]) {
                child++;
            }
            if (prefix[root] >= prefix[child]) {
                return;
            }
            swap(root, child);
            root = child;
        }
    }

    /** Swaps rows {@code a} and {@code b} of the parallel arrays. */
    private void swap(int a, int b) {
        swap(prefix, a, b);
        swap(pack, a, b);
        swap(tag, a, b);
        if (locationsOf != null) {
            swap(offset, a, b);
            swap(length, a, b);
            swap(rawLength, a, b);
            swap(position, a, b);
        }
    }

    private static void swap(long[] column, int a, int b) {
        long t = column[a];
        column[a] = column[b];
        column[b] = t;
    }

    private static void swap(int[] column, int a, int b) {
        int t = column[a];
        column[a] = column[b];
        column[b] = t;
    }

    private static void swap(byte[] column, int a, int b) {
        byte t = column[a];
        column[a] = column[b];
        column[b] = t;
    }
}
