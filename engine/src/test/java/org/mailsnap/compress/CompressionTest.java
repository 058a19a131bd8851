package org.mailsnap.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
