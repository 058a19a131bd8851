package org.mailsnap.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailsnap.storage.FaultInjectingStorage.Operation;
import org.mailsnap.storage.FaultInjectingStorage.PutFailure;

/** The wrapper passes the whole contract when no fault is armed, and each fault does exactly what it says. */
class FaultInjectingStorageTest extends StorageContractTest {
    private MemoryStorage disk;
    private FaultInjectingStorage faulty;

    @Override
    protected Storage newStorage() {
        disk = new MemoryStorage();
        faulty = new FaultInjectingStorage(disk, SEED);
        return faulty;
    }

    @Test
    void theNthPutFailsBeforePublishingAndLaterPutsWork() throws IOException {
        faulty.failPut(2, PutFailure.BEFORE_PUBLISHING);

        faulty.put("data/1", new byte[] {1});
        InjectedFaultException e =
                assertThrows(InjectedFaultException.class, () -> faulty.put("data/2", new byte[] {2}));
        faulty.put("data/3", new byte[] {3});

        assertTrue(e.getMessage().contains("data/2"), e.getMessage());
        assertEquals(Set.of("data/1", "data/3"), names(disk.list("")));
    }

    @Test
    void theNthPutCanFailAfterTheObjectIsPublished() throws IOException {
        faulty.failPut(1, PutFailure.AFTER_PUBLISHING);

        assertThrows(InjectedFaultException.class, () -> faulty.put("data/1", new byte[] {1, 2}));

        assertArrayEquals(new byte[] {1, 2}, disk.get("data/1"));
        faulty.put("data/2", new byte[1]); // disarmed
    }

    @Test
    void readsOfANamedObjectFailUntilHealed() throws IOException {
        faulty.put("data/bad", new byte[4]);
        faulty.put("data/good", new byte[4]);
        faulty.failReads("data/bad");

        assertThrows(InjectedFaultException.class, () -> faulty.get("data/bad"));
        assertThrows(InjectedFaultException.class, () -> faulty.getRange("data/bad", 0, 1));
        assertThrows(InjectedFaultException.class, () -> faulty.size("data/bad"));
        assertEquals(4, faulty.get("data/good").length);
        assertTrue(faulty.exists("data/bad"));

        faulty.healReads("data/bad");
        assertEquals(4, faulty.get("data/bad").length);
    }

    @Test
    void truncateKeepsTheFirstBytes() throws IOException {
        byte[] data = randomBytes(100, 20);
        faulty.put("data/p", data);

        faulty.truncate("data/p", 37);

        assertEquals(37, faulty.size("data/p"));
        assertArrayEquals(Arrays.copyOf(data, 37), faulty.get("data/p"));
        assertThrows(IllegalArgumentException.class, () -> faulty.truncate("data/p", 38));
    }

    @Test
    void flipBitChangesExactlyThatBit() throws IOException {
        byte[] data = randomBytes(64, 21);
        faulty.put("data/p", data);

        faulty.flipBit("data/p", 10, 3);

        byte[] flipped = faulty.get("data/p");
        for (int i = 0; i < data.length; i++) {
            assertEquals(i == 10 ? data[i] ^ 0b1000 : data[i], flipped[i], "byte " + i);
        }
    }

    @Test
    void randomBitFlipsAreReproducibleFromTheSeed() throws IOException {
        byte[] data = randomBytes(4096, 22);
        List<Long> positions = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            FaultInjectingStorage fresh = new FaultInjectingStorage(new MemoryStorage(), 42);
            fresh.put("data/p", data);
            long position = fresh.flipRandomBit("data/p");
            byte[] flipped = fresh.get("data/p");
            assertEquals(data[(int) (position / 8)] ^ (1 << (position % 8)), flipped[(int) (position / 8)]);
            assertEquals(1, differingBits(data, flipped));
            positions.add(position);
        }
        assertEquals(positions.get(0), positions.get(1));
    }

    @Test
    void aCrashLosesEveryWriteSinceTheCheckpoint() throws IOException {
        faulty.put("config", new byte[] {1});
        faulty.put("locks/a", new byte[] {1});
        faulty.put("keys/old", new byte[] {9});
        faulty.checkpoint();
        faulty.put("data/new", new byte[] {2});
        faulty.put("locks/a", new byte[] {2});
        faulty.put("locks/a", new byte[] {3});
        faulty.delete("keys/old");

        faulty.loseWritesSinceCheckpoint();

        assertFalse(faulty.exists("data/new"));
        assertArrayEquals(new byte[] {1}, faulty.get("locks/a"));
        assertArrayEquals(new byte[] {9}, faulty.get("keys/old"));
        assertEquals(Set.of("config", "locks/a", "keys/old"), names(faulty.list("")));
    }

    @Test
    void aCrashWithoutACheckpointIsAProgrammerError() {
        assertThrows(IllegalStateException.class, () -> faulty.loseWritesSinceCheckpoint());
    }

    @Test
    void operationsAreCountedPerPrefix() throws IOException {
        faulty.put("data/3f/a", new byte[1]);
        faulty.put("data/40/b", new byte[1]);
        faulty.put("index/1", new byte[1]);
        faulty.get("data/3f/a");
        faulty.getRange("index/1", 0, 1);
        faulty.list("data/");
        faulty.list("index/");
        faulty.list("index/");

        assertEquals(3, faulty.count(Operation.PUT, ""));
        assertEquals(2, faulty.count(Operation.PUT, "data/"));
        assertEquals(1, faulty.count(Operation.PUT, "data/40/"));
        assertEquals(1, faulty.count(Operation.GET, "data/"));
        assertEquals(1, faulty.count(Operation.GET_RANGE, "index/"));
        assertEquals(2, faulty.count(Operation.LIST, "index/"));
        assertEquals(0, faulty.count(Operation.DELETE, ""));

        faulty.resetCounts();
        assertEquals(0, faulty.count(Operation.PUT, ""));
    }

    @Test
    void randomFailuresAreReproducibleFromTheSeed() throws IOException {
        System.out.println("randomFailuresAreReproducibleFromTheSeed: seed " + SEED);
        List<String> first = runWithRandomFailures(SEED);
        List<String> second = runWithRandomFailures(SEED);

        assertEquals(first, second);
        long failures = first.stream().filter(o -> o.equals("failed")).count();
        assertTrue(failures > 10 && failures < 190, "about a quarter of 200 should fail, got " + failures);
        assertNotEquals(first, runWithRandomFailures(SEED + 1));
    }

    private static List<String> runWithRandomFailures(long seed) throws IOException {
        FaultInjectingStorage storage = new FaultInjectingStorage(new MemoryStorage(), seed);
        storage.failRandomly(0.25);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            try {
                storage.put("data/" + i, new byte[1]);
                outcomes.add("ok");
            } catch (InjectedFaultException e) {
                outcomes.add("failed");
            }
        }
        storage.failRandomly(0);
        assertEquals(
                outcomes.stream().filter(o -> o.equals("ok")).count(),
                storage.list("data/").size());
        return outcomes;
    }

    private static int differingBits(byte[] a, byte[] b) {
        int bits = 0;
        for (int i = 0; i < a.length; i++) {
            bits += Integer.bitCount((a[i] ^ b[i]) & 0xff);
        }
        return bits;
    }
}
