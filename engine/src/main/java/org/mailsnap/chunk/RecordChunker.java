package org.mailsnap.chunk;

import org.mailsnap.model.NameBytes;

/**
 * Decides cuts between records from a keyed 64-bit hash of each record's key. Thread-safe.
 *
 * <p>A cut follows record r when {@code hash(key(r))} has its low {@code log2(average / typicalRecordBytes)} bits
 * zero and the chunk has reached {@code min} bytes; a chunk never grows past {@code max} bytes unless one record is
 * larger than that on its own.
 */
public final class RecordChunker {
    private final long k0;
    private final long k1;
    private final ChunkerParams params;
    private final long mask;

    /**
     * @param typicalRecordBytes the expected size of one record; with {@code params.average()} it fixes how many
     *                           records a chunk holds on average. It must be a constant of the record kind, never
     *                           measured from data, or cuts would move.
     */
    public RecordChunker(byte[] seed, ChunkerParams params, int typicalRecordBytes) {
        long[] table = GearTable.derive(seed);
        this.k0 = table[0] ^ 0x6d61696c736e6170L;
        this.k1 = table[1];
        this.params = params;
        int perChunk = Math.max(1, params.average() / Math.max(1, typicalRecordBytes));
        this.mask = Integer.highestOneBit(perChunk) - 1L;
    }

    /** True if a chunk of {@code chunkBytes} bytes that ends with the record keyed {@code key} ends there. */
    public boolean cutAfter(String key, int chunkBytes) {
        return chunkBytes >= params.min() && (chunkBytes >= params.max() || (hash(key) & mask) == 0);
    }

    /** As {@link #cutAfter(String, int)} for a key given as its bytes: {@code bytes[from, to)}. */
    public boolean cutAfter(byte[] bytes, int from, int to, int chunkBytes) {
        return chunkBytes >= params.min() && (chunkBytes >= params.max() || (hashBytes(bytes, from, to) & mask) == 0);
    }

    /** The format's record cut hash of {@code key} (format-spec/snapshots.md, "Record cut hash"). */
    public long hash(String key) {
        // A base is a name, hashed as its bytes as listed. Nearly every one is ASCII, whose chars are those bytes:
        // hashed as they are, without building the bytes (a churned hour at 1 M messages hashes ~2 M keys).
        long h = k0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= 0x80) {
                byte[] bytes = NameBytes.toBytes(key);
                return hashBytes(bytes, 0, bytes.length);
            }
            h = step(h, c);
        }
        return finish(h);
    }

    private long hashBytes(byte[] bytes, int from, int to) {
        long h = k0;
        for (int i = from; i < to; i++) {
            h = step(h, bytes[i] & 0xff);
        }
        return finish(h);
    }

    private static long step(long h, int b) {
        h = (h ^ b) * 0x100000001b3L;
        return h ^ (h >>> 29);
    }

    private long finish(long h) {
        h ^= k1;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 31;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 32);
    }
}
