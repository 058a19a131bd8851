package org.mailsnap.chunk;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GearChunkerTest {
    private static final byte[] SEED = "test seed".getBytes(StandardCharsets.UTF_8);

    static List<byte[]> chunks(GearChunker chunker, byte[] data) {
        List<byte[]> out = new ArrayList<>();
        int off = 0;
        while (off < data.length) {
            int n = chunker.nextCut(data, off, data.length - off, true);
            assertTrue(n > 0, "cut must advance");
            out.add(java.util.Arrays.copyOfRange(data, off, off + n));
            off += n;
        }
        return out;
    }

    @Test
    void chunksRespectBoundsAndReassemble() {
        long seed = System.nanoTime();
        System.out.println("GearChunkerTest seed " + seed);
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(seed).nextBytes(data);
        GearChunker chunker = new GearChunker(SEED, ChunkerParams.BODY);
        List<byte[]> parts = chunks(chunker, data);
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            byte[] p = parts.get(i);
            assertTrue(p.length <= ChunkerParams.BODY.max(), "chunk over max: " + p.length);
            if (i < parts.size() - 1) {
                assertTrue(p.length >= ChunkerParams.BODY.min(), "chunk under min: " + p.length);
            }
            joined.writeBytes(p);
        }
        assertArrayEquals(data, joined.toByteArray());
        double average = (double) data.length / parts.size();
        assertTrue(average > 32 * 1024 && average < 128 * 1024, "average chunk size " + average);
    }

    @Test
    void insertionAtTheStartKeepsLaterChunks() {
        long seed = System.nanoTime();
        System.out.println("GearChunkerTest seed " + seed);
        Random random = new Random(seed);
        byte[] data = new byte[2 * 1024 * 1024];
        random.nextBytes(data);
        byte[] shifted = new byte[data.length + 1000];
        random.nextBytes(shifted);
        System.arraycopy(data, 0, shifted, 1000, data.length);
        GearChunker chunker = new GearChunker(SEED, ChunkerParams.BODY);
        Set<String> before = new HashSet<>();
        for (byte[] c : chunks(chunker, data)) {
            before.add(identity(c));
        }
        List<byte[]> after = chunks(chunker, shifted);
        long shared = after.stream().filter(c -> before.contains(identity(c))).count();
        // The chunk holding the insertion differs; a cut forced at max (no content-defined cut within 256 KiB)
        // carries the shift one chunk further until the next content-defined cut resynchronises.
        assertTrue(
                shared >= after.size() - 6,
                "only the first chunks may differ: shared " + shared + " of " + after.size());
        assertTrue(shared >= after.size() * 3 / 4, "most chunks are shared: " + shared + " of " + after.size());
    }

    /** A chunk told apart by its first bytes and its length (the last chunk of a stream may be under 64 bytes). */
    private static String identity(byte[] chunk) {
        return java.util.HexFormat.of().formatHex(chunk, 0, Math.min(64, chunk.length)) + "/" + chunk.length;
    }

    @Test
    void needsMoreDataUnlessLast() {
        GearChunker chunker = new GearChunker(SEED, ChunkerParams.BODY);
        byte[] small = new byte[1000];
        assertEquals(-1, chunker.nextCut(small, 0, small.length, false));
        assertEquals(1000, chunker.nextCut(small, 0, small.length, true));
        byte[] zeros = new byte[ChunkerParams.BODY.max() + 10];
        assertEquals(
                ChunkerParams.BODY.max(),
                chunker.nextCut(zeros, 0, zeros.length, false),
                "a run without cuts is cut at max");
    }

    /**
     * The cuts this chunker has always made, as mailsnap 0.1 first made them: a body cut elsewhere gives other blobs,
     * so the next backup of a message already stored would store it again. A megabyte of seeded bytes from an odd
     * offset, then a megabyte of zeros (no cut, so cuts at max).
     */
    @Test
    void cutsAreTheOnesEarlierVersionsMade() {
        byte[] data = new byte[2 << 20];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1 << 20; i++) {
            data[i] = (byte) random.nextInt(256);
        }
        GearChunker chunker = new GearChunker(SEED, ChunkerParams.BODY);
        List<Integer> cuts = new ArrayList<>();
        for (int off = 100; off < data.length; ) {
            int n = chunker.nextCut(data, off, data.length - off, true);
            cuts.add(n);
            off += n;
        }
        assertEquals(
                List.of(
                        93355, 22277, 65632, 19560, 78920, 115272, 80272, 113933, 67558, 65763, 72408, 68094, 68693,
                        66037, 262144, 262144, 262144, 262144, 50702),
                cuts);
    }

    @Test
    void theSeedChangesTheCuts() {
        byte[] data = new byte[1024 * 1024];
        new Random(7).nextBytes(data);
        int a = new GearChunker("one".getBytes(StandardCharsets.UTF_8), ChunkerParams.BODY)
                .nextCut(data, 0, data.length, true);
        int b = new GearChunker("two".getBytes(StandardCharsets.UTF_8), ChunkerParams.BODY)
                .nextCut(data, 0, data.length, true);
        assertNotEquals(a, b);
    }

    @Test
    void badParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ChunkerParams(10, 1000, 5000));
        assertThrows(IllegalArgumentException.class, () -> new ChunkerParams(2048, 1024, 5000));
    }
}
