package org.mailsnap.chunk;

/**
 * FastCDC-style content-defined chunking of bodies. Thread-safe (the table is read-only).
 */
public final class GearChunker {
    private final long[] gear;
    private final ChunkerParams params;
    private final long strictMask;
    private final long looseMask;

    public GearChunker(byte[] seed, ChunkerParams params) {
        this.gear = GearTable.derive(seed);
        this.params = params;
        int bits = Integer.numberOfTrailingZeros(params.average());
        // Normalisation level 2: two more bits before the average, two fewer after. Top bits of the hash are used
        // because the low bits of a gear hash depend only on the last few bytes.
        this.strictMask = topBits(bits + 2);
        this.looseMask = topBits(Math.max(1, bits - 2));
    }

    private static long topBits(int n) {
        return -1L << (64 - n);
    }

    public ChunkerParams params() {
        return params;
    }

    /**
     * The length of the chunk that starts at {@code offset}, given {@code available} bytes from there.
     * When {@code available} is less than {@code max} and {@code last} is false, returns -1 if no cut was found:
     * the caller must supply more bytes. When {@code last} is true, the remainder is a final chunk.
     */
    public int nextCut(byte[] data, int offset, int available, boolean last) {
        int min = params.min();
        int max = params.max();
        if (available <= min) {
            return last ? available : -1;
        }
        int end = Math.min(available, max);
        int normal = Math.min(end, params.average());
        long h = 0;
        int i = min;
        // Bytes before min are skipped: they cannot hold a cut, and a gear hash forgets bytes after 64 steps.
        for (int j = Math.max(0, min - 64); j < min; j++) {
            h = (h << 1) + gear[data[offset + j] & 0xff];
        }
        for (; i < normal; i++) {
            h = (h << 1) + gear[data[offset + i] & 0xff];
            if ((h & strictMask) == 0) {
                return i + 1;
            }
        }
        for (; i < end; i++) {
            h = (h << 1) + gear[data[offset + i] & 0xff];
            if ((h & looseMask) == 0) {
                return i + 1;
            }
        }
        if (end == max) {
            return max;
        }
        return last ? available : -1;
    }
}
