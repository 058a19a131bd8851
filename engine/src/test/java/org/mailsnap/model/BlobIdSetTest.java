package org.mailsnap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact blob set: no false negatives, duplicates recognised, memory as documented. */
class BlobIdSetTest {
    @Test
    void holdsAMillionIdsInEightMegabytesPerMillionSlots() {
        long seed = System.nanoTime();
        System.out.println("BlobIdSetTest seed " + seed);
        int n = 1_000_000;
        BlobIdSet set = new BlobIdSet(n);
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            assertTrue(set.add(RandomIds.blobId(r)));
        }
        assertEquals(n, set.size());
        assertEquals(8L * 1_250_000, set.bytes(), "load 0.8: 10 M blobs would take 100 MB");
        Random again = new Random(seed);
        for (int i = 0; i < n; i++) {
            BlobId id = RandomIds.blobId(again);
            assertTrue(set.contains(id), "no false negative");
            assertFalse(set.add(id), "a second add is recognised");
            assertTrue(set.slotOf(id) >= 0 && set.slotOf(id) < set.capacity());
        }
        Random other = new Random(seed + 1);
        int falsePositives = 0;
        for (int i = 0; i < n; i++) {
            falsePositives += set.contains(RandomIds.blobId(other)) ? 1 : 0;
        }
        assertTrue(falsePositives <= 1, "64-bit prefixes: expected none, got " + falsePositives);
    }

    @Test
    void anIdStartingWithZeroBytesAndAFullSet() {
        BlobIdSet set = new BlobIdSet(2);
        BlobId zero = BlobId.of(new byte[32]);
        assertTrue(set.add(zero));
        assertTrue(set.contains(zero));
        Random r = new Random(3);
        assertThrows(
                IllegalStateException.class,
                () -> {
                    for (int i = 0; i < 100; i++) {
                        set.add(RandomIds.blobId(r));
                    }
                },
                "more live blobs than indexed ones is an error, not an endless probe");
    }

    @Test
    void aGrowingSetKeepsEveryKeyAcrossItsGrowthAndStaysWithinTheLoadLimit() {
        long seed = System.nanoTime();
        System.out.println("BlobIdSetTest growing seed " + seed);
        BlobIdSet set = BlobIdSet.growing();
        Random r = new Random(seed);
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            assertTrue(set.add(r.nextLong()));
            assertTrue(set.size() <= set.capacity() * 0.8, "load at most 0.8 after " + (i + 1) + " keys");
        }
        assertEquals(n, set.size());
        assertTrue(set.bytes() <= 8L * n / 0.4 + 8 * 16, "at least load 0.4 after growing: " + set.bytes());
        Random again = new Random(seed);
        for (int i = 0; i < n; i++) {
            assertFalse(set.add(again.nextLong()), "kept across growth: key " + i);
        }
        assertTrue(set.add(0) && !set.add(0) && !set.add(1), "0 is the empty marker and counts as 1");
    }
}
