package org.mailsnap.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompressionTest {

    @Test
    void compressibleRoundTrips() throws Exception {
        byte[] raw = "Received: from mx1\r\n".repeat(500).getBytes(StandardCharsets.US_ASCII);
        byte[] compressed = Compression.compressIfSmaller(raw, 3);
        assertNotNull(compressed);
        assertTrue(compressed.length < raw.length / 10);
        assertArrayEquals(raw, Compression.decompress(compressed, raw.length));
    }

    /**
     * Kept contexts and the per-thread output buffer change nothing in a frame: each equals what a fresh context
     * makes, whatever came before it (a large frame, another level, a small one, one past the buffer's limit).
     */
    @Test
    void aKeptContextCompressesExactlyAsAFreshOne() {
        long seed = new Random().nextLong();
        System.out.println("seed " + seed);
        Random random = new Random(seed);
        int[] sizes = {200_000, 170, 65_536, 3 << 20, 900, 1 << 20, 5_000};
        int[] levels = {3, 3, 1, 3, 19, 3, 3};
        for (int i = 0; i < sizes.length; i++) {
            byte[] raw = mailLike(random, sizes[i]);
            byte[] fresh = com.github.luben.zstd.Zstd.compress(raw, levels[i]);
            byte[] kept = Compression.compressIfSmaller(raw, levels[i]);
            assertArrayEquals(fresh, kept, "frame " + i + " of " + sizes[i] + " bytes at level " + levels[i]);
        }
    }

    /** A range compresses to the frame its copy does, and the frame lies in the thread's buffer as long as said. */
    @Test
    void aRangeCompressesAsItsCopy() {
        long seed = new Random().nextLong();
        System.out.println("seed " + seed);
        Random random = new Random(seed);
        byte[] around = mailLike(random, 300_000);
        int offset = random.nextInt(1_000);
        int length = 200_000 + random.nextInt(90_000);
        byte[] fresh =
                com.github.luben.zstd.Zstd.compress(java.util.Arrays.copyOfRange(around, offset, offset + length), 3);
        Compression.Frame frame = Compression.frameIfSmaller(around, offset, length, 3);
        assertNotNull(frame);
        assertArrayEquals(fresh, java.util.Arrays.copyOf(frame.buffer(), frame.length()));
        assertThrows(IndexOutOfBoundsException.class, () -> Compression.frameIfSmaller(around, 299_999, 2, 3));
    }

    /** Decompressing into a larger buffer writes the frame's bytes and nothing past them; a wrong length fails. */
    @Test
    void decompressingIntoABufferWritesOnlyTheRawLength() throws Exception {
        byte[] raw = "Received: from mx1\r\n".repeat(300).getBytes(StandardCharsets.US_ASCII);
        byte[] compressed = Compression.compressIfSmaller(raw, 3);
        byte[] padded = new byte[compressed.length + 10];
        System.arraycopy(compressed, 0, padded, 7, compressed.length);
        byte[] into = new byte[raw.length + 100];
        java.util.Arrays.fill(into, (byte) 0x5A);
        Compression.decompressInto(padded, 7, compressed.length, into, raw.length);
        assertArrayEquals(raw, java.util.Arrays.copyOf(into, raw.length));
        for (int i = raw.length; i < into.length; i++) {
            assertEquals(0x5A, into[i], "byte " + i + " past the raw length");
        }
        assertThrows(
                DecompressionException.class,
                () -> Compression.decompressInto(compressed, 0, compressed.length, into, raw.length - 1));
        assertThrows(
                DecompressionException.class,
                () -> Compression.decompressInto(compressed, 0, compressed.length, into, raw.length + 1));
        assertThrows(
                DecompressionException.class,
                () -> Compression.decompressInto(compressed, 0, compressed.length, new byte[10], raw.length));
    }

    private static byte[] mailLike(Random random, int size) {
        byte[] raw = new byte[size];
        String words = "Received from mx1 by dovecot with LMTP id Subject Re meeting notes attached ";
        for (int i = 0; i < size; i++) {
            raw[i] = random.nextInt(8) == 0
                    ? (byte) random.nextInt(256)
                    : (byte) words.charAt(random.nextInt(words.length()));
        }
        return raw;
    }

    @Test
    void incompressibleAndEmptyAreKeptRaw() {
        byte[] random = new byte[4096];
        new Random(1).nextBytes(random);
        assertNull(Compression.compressIfSmaller(random, 3));
        assertNull(Compression.compressIfSmaller(new byte[0], 3));
        assertNull(Compression.compressIfSmaller(new byte[] {42}, 3));
    }

    @Test
    void decompressionIsBoundedByTheRecordedLength() {
        byte[] raw = new byte[1 << 20];
        byte[] compressed = Compression.compressIfSmaller(raw, 3);
        assertNotNull(compressed);
        assertThrows(DecompressionException.class, () -> Compression.decompress(compressed, 1000));
        assertThrows(DecompressionException.class, () -> Compression.decompress(compressed, raw.length + 1));
        assertThrows(DecompressionException.class, () -> Compression.decompress(new byte[] {1, 2, 3, 4}, 10));
    }

    @Test
    void aFrameThatFailsLeavesTheNextOneUnharmed() throws Exception {
        byte[] raw = "Subject: pooled contexts\r\n".repeat(200).getBytes(StandardCharsets.US_ASCII);
        byte[] compressed = Compression.compressIfSmaller(raw, 3);
        assertNotNull(compressed);
        byte[] truncated = java.util.Arrays.copyOf(compressed, compressed.length / 2);
        for (int i = 0; i < 20; i++) {
            assertThrows(DecompressionException.class, () -> Compression.decompress(truncated, raw.length));
            assertArrayEquals(raw, Compression.decompress(compressed, raw.length));
        }
    }

    @Test
    void threadsDecompressingAtOnceEachGetTheirOwnBytes() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("seed " + seed);
        Random random = new Random(seed);
        byte[][] raws = new byte[16][];
        byte[][] compressed = new byte[raws.length][];
        for (int i = 0; i < raws.length; i++) {
            raws[i] = ("line " + random.nextInt() + "\r\n")
                    .repeat(100 + random.nextInt(2000))
                    .getBytes(StandardCharsets.US_ASCII);
            compressed[i] = Compression.compressIfSmaller(raws[i], 3);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        int i = round % raws.length;
                        assertArrayEquals(raws[i], Compression.decompress(compressed[i], raws[i].length));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void rejectsBadLevel() {
        assertThrows(IllegalArgumentException.class, () -> Compression.compressIfSmaller(new byte[10], 0));
    }
}
