package org.mailsnap.check;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobIdSet;
import org.mailsnap.model.BlobIndex;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;

/**
 * Every blob location the live index files list, as sorted primitive arrays instead of objects: the first 8 bytes
 * of the id (a keyed hash, so uniformly spread), the pack's number and a status byte, 13 bytes per blob; metadata
 * tables also keep the location (offset, lengths, position: 33 bytes), because check reads trees and manifests
 * through them. 10 M blobs take ~130 MB, against ~1.5 GB as {@code BlobId → BlobLocation} objects.
 *
 * <p>Looking up by an 8-byte prefix can confuse two ids only with probability ~n/2^64 (5·10^-13 at 10 M blobs);
 * for metadata a confusion is caught anyway, because reading the blob re-hashes its plaintext against the full id.
 *
 * <p>Build with {@link #add}, then {@link #seal()} once; lookups only after sealing. One id may have several
 * entries (several packs hold it); it is readable when one of them is {@link #OK}.
 */
final class BlobTable implements BlobIndex {
    static final byte OK = 0;
    /** The entry's pack is not in {@code data/}. */
    static final byte PACK_MISSING = 1;
    /** Reading the blob failed (MAC, id or length mismatch, pack truncated). */
    static final byte DAMAGED = 2;
    /**
     * The entry comes from the header of a pack in {@code data/} that no readable live index file lists (its index
     * is damaged, say): intact as far as check knows, and check reads trees and manifests from it, but restores and
     * backups, which go by the index, cannot reach it until {@code mailsnap repair} indexes the pack anew.
     */
    static final byte UNINDEXED = 3;

    private final boolean locations;
    private final List<PackId> packNames;
    private int size;
    private long[] prefix = new long[1024];
    private int[] pack = new int[1024];
    private byte[] status = new byte[1024];
    private long[] offset;
    private int[] length;
    private int[] rawLength;
    private int[] position;
    private boolean sealed;
    /** Per entry, what walking found of a tree or manifest chunk (0 not yet, else the walker's verdict). */
    private byte[] walk;

    /**
     * @param locations keep full locations (for metadata blobs, which check reads)
     * @param packNames pack ids by number, shared by the tables of one check
     */
    BlobTable(boolean locations, List<PackId> packNames) {
        this.locations = locations;
        this.packNames = packNames;
        if (locations) {
            offset = new long[1024];
            length = new int[1024];
            rawLength = new int[1024];
            position = new int[1024];
        }
    }

    void add(BlobId id, int packNumber, BlobLocation location, byte initialStatus) {
        if (sealed) {
            throw new IllegalStateException("table already sealed");
        }
        if (size == prefix.length) {
            int grown = size + (size >> 1);
            prefix = Arrays.copyOf(prefix, grown);
            pack = Arrays.copyOf(pack, grown);
            status = Arrays.copyOf(status, grown);
            if (locations) {
                offset = Arrays.copyOf(offset, grown);
                length = Arrays.copyOf(length, grown);
                rawLength = Arrays.copyOf(rawLength, grown);
                position = Arrays.copyOf(position, grown);
            }
        }
        prefix[size] = BlobIdSet.keyOf(id);
        pack[size] = packNumber;
        status[size] = initialStatus;
        if (locations) {
            offset[size] = location.offset();
            length[size] = location.length();
            rawLength[size] = location.rawLength();
            position[size] = location.indexInPack();
        }
        size++;
    }

    /** Sorts by prefix (heap sort: in place, no boxing, O(n log n) for any input). */
    void seal() {
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(i, size);
        }
        for (int end = size - 1; end > 0; end--) {
            swap(0, end);
            siftDown(0, end);
        }
        sealed = true;
        if (locations) {
            walk = new byte[size];
        }
    }

    /** The walker's verdict on a chunk, 0 when it has none yet (or the id is not listed). */
    byte walkState(BlobId id) {
        int i = first(id);
        return i < 0 ? 0 : walk[i];
    }

    void setWalkState(BlobId id, byte state) {
        int i = first(id);
        if (i >= 0) {
            walk[i] = state;
        }
    }

    int size() {
        return size;
    }

    /** The first entry of {@code id}'s run of equal prefixes, or -1. */
    private int first(BlobId id) {
        long key = BlobIdSet.keyOf(id);
        int i = lowerBound(key);
        return i < size && prefix[i] == key ? i : -1;
    }

    /** The first entry whose prefix is not below {@code key} ({@link #size} when there is none). */
    private int lowerBound(long key) {
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

    /** True when some index lists the blob at all. */
    boolean listed(BlobId id) {
        return first(id) >= 0;
    }

    /** True when some listed location of the blob is not known to be bad. */
    boolean readable(BlobId id) {
        return anyLocation(id, OK);
    }

    /** True when a pack's header lists the blob although no readable index does ({@link #UNINDEXED}). */
    boolean unindexed(BlobId id) {
        return anyLocation(id, UNINDEXED);
    }

    /** True when some location of the blob has {@code wanted} as its status. */
    private boolean anyLocation(BlobId id, byte wanted) {
        long key = BlobIdSet.keyOf(id);
        for (int i = lowerBound(key); i < size && prefix[i] == key; i++) {
            if (status[i] == wanted) {
                return true;
            }
        }
        return false;
    }

    /** The packs where the blob is listed, and why each location is bad (for reports). */
    void describeBad(BlobId id, Map<PackId, Byte> into) {
        long key = BlobIdSet.keyOf(id);
        for (int i = lowerBound(key); i < size && prefix[i] == key; i++) {
            into.put(packNames.get(pack[i]), status[i]);
        }
    }

    /** Why a listed blob has no readable location: its pack is missing or its data failed to read. */
    @Override
    public Optional<String> damageOf(BlobId id) {
        long key = BlobIdSet.keyOf(id);
        String why = null;
        for (int i = lowerBound(key); i < size && prefix[i] == key; i++) {
            if (status[i] == OK) {
                return Optional.empty();
            }
            why = switch (status[i]) {
                case PACK_MISSING -> "pack " + packNames.get(pack[i]) + " missing";
                case UNINDEXED -> "pack " + packNames.get(pack[i]) + " holds it, but no readable index lists it";
                default -> "damaged data in pack " + packNames.get(pack[i]);
            };
        }
        return Optional.ofNullable(why);
    }

    /**
     * For the blob store that reads trees and manifests: an OK location of a metadata blob, else an
     * {@link #UNINDEXED} one, so that check can still name the messages of snapshots whose index is damaged.
     */
    @Override
    public Optional<BlobLocation> find(BlobId id) {
        if (!locations) {
            throw new IllegalStateException("this table keeps no locations");
        }
        long key = BlobIdSet.keyOf(id);
        int unindexed = -1;
        for (int i = lowerBound(key); i < size && prefix[i] == key; i++) {
            if (status[i] == OK) {
                return Optional.of(locationAt(i));
            }
            if (status[i] == UNINDEXED && unindexed < 0) {
                unindexed = i;
            }
        }
        return unindexed < 0 ? Optional.empty() : Optional.of(locationAt(unindexed));
    }

    private BlobLocation locationAt(int i) {
        return new BlobLocation(
                packNames.get(pack[i]), BlobType.METADATA, offset[i], length[i], rawLength[i], position[i]);
    }

    @Override
    public void addAll(Iterable<Map.Entry<BlobId, BlobLocation>> entries) {
        throw new UnsupportedOperationException("check never stores blobs");
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
        swap(status, a, b);
        if (locations) {
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
