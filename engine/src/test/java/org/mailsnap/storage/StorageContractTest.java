package org.mailsnap.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of {@link Storage} (see the package doc), run against every implementation by a subclass that says
 * how to make a fresh, empty storage. Random contents come from a seed printed once per class run, and can be fixed
 * with {@code -Dmailsnap.test.seed=…}.
 */
public abstract class StorageContractTest {
    protected static final long SEED = Long.getLong("mailsnap.test.seed", System.nanoTime());

    static {
        System.out.println("StorageContractTest seed: " + SEED + " (rerun with -Dmailsnap.test.seed=" + SEED + ")");
    }

    protected Storage storage;

    /** A fresh, empty storage, not shared with any other test. */
    protected abstract Storage newStorage() throws Exception;

    @BeforeEach
    final void openStorage() throws Exception {
        storage = newStorage();
    }

    @AfterEach
    final void closeStorage() throws IOException {
        storage.close();
    }

    /** {@code length} random bytes, reproducible from {@link #SEED} and {@code salt}. */
    protected static byte[] randomBytes(int length, long salt) {
        byte[] bytes = new byte[length];
        new Random(SEED ^ salt).nextBytes(bytes);
        return bytes;
    }

    @Test
    void emptyObjectRoundTrips() throws IOException {
        storage.put("config", new byte[0]);

        assertArrayEquals(new byte[0], storage.get("config"));
        assertEquals(0, storage.size("config"));
        assertTrue(storage.exists("config"));
    }

    @Test
    void oneByteObjectRoundTrips() throws IOException {
        storage.put("keys/a", new byte[] {(byte) 0xA5});

        assertArrayEquals(new byte[] {(byte) 0xA5}, storage.get("keys/a"));
    }

    @Test
    void tenMebibyteObjectRoundTrips() throws IOException {
        byte[] data = randomBytes(10 << 20, 1);

        storage.put("data/3f/big", data);

        assertArrayEquals(data, storage.get("data/3f/big"));
        assertEquals(data.length, storage.size("data/3f/big"));
    }

    @Test
    void aSpooledObjectIsPublishedWholeUnderItsNameAndOnlyThen() throws IOException {
        byte[] data = randomBytes(3 << 20, 20);
        SpooledObject spool = storage.spool("data/");
        int[] pieces = {0, 1, 42, 300_000, 1 << 20, 7};
        int at = 0;
        for (int i = 0; at < data.length; i++) {
            int length = Math.min(pieces[i % pieces.length], data.length - at);
            spool.write(data, at, length);
            at += length;
            assertEquals(at, spool.size());
        }
        assertEquals(List.of(), storage.list(""), "nothing is visible before it is published");

        spool.publish("data/ab/abcd");
        spool.close(); // after publishing: nothing to discard

        assertArrayEquals(data, storage.get("data/ab/abcd"));
        assertEquals(List.of(new ObjectInfo("data/ab/abcd", data.length)), storage.list(""));
        assertThrows(IllegalStateException.class, () -> spool.publish("data/ab/abce"));
        assertThrows(IllegalStateException.class, () -> spool.write(new byte[1], 0, 1));
    }

    @Test
    void aDiscardedSpoolLeavesNothing() throws IOException {
        SpooledObject spool = storage.spool("data/");
        spool.write(randomBytes(1000, 21), 0, 1000);

        spool.close();
        spool.close();

        assertEquals(List.of(), storage.list(""));
        assertThrows(IllegalStateException.class, () -> spool.publish("data/ab/abcd"));
        assertFalse(storage.exists("data/ab/abcd"));
    }

    @Test
    void overwriteReplacesTheWholeObject() throws IOException {
        storage.put("locks/host1", randomBytes(1000, 2));
        byte[] shorter = randomBytes(10, 3);

        storage.put("locks/host1", shorter);

        assertArrayEquals(shorter, storage.get("locks/host1"));
        assertEquals(10, storage.size("locks/host1"));
        assertEquals(List.of(new ObjectInfo("locks/host1", 10)), storage.list("locks/"));
    }

    @Test
    void storedBytesDoNotChangeWithTheCallersArrays() throws IOException {
        byte[] data = {1, 2, 3};
        storage.put("a", data);
        data[0] = 9;
        storage.get("a")[1] = 9;

        assertArrayEquals(new byte[] {1, 2, 3}, storage.get("a"));
    }

    @Test
    void getRangeReadsInsideTheObject() throws IOException {
        byte[] data = randomBytes(4096, 4);
        storage.put("data/00/pack", data);

        assertArrayEquals(Arrays.copyOfRange(data, 100, 1100), storage.getRange("data/00/pack", 100, 1000));
        assertArrayEquals(Arrays.copyOfRange(data, 0, 1), storage.getRange("data/00/pack", 0, 1));
    }

    @Test
    void getRangeReadsUpToTheEnd() throws IOException {
        byte[] data = randomBytes(4096, 5);
        storage.put("data/00/pack", data);

        assertArrayEquals(Arrays.copyOfRange(data, 4089, 4096), storage.getRange("data/00/pack", 4089, 7));
        assertArrayEquals(data, storage.getRange("data/00/pack", 0, 4096));
        assertArrayEquals(new byte[0], storage.getRange("data/00/pack", 4096, 0));
    }

    @Test
    void getRangePastTheEndFailsNamingTheObject() throws IOException {
        storage.put("data/00/pack", randomBytes(100, 6));

        for (long[] range : new long[][] {{90, 11}, {100, 1}, {200, 5}, {0, 101}}) {
            IOException e =
                    assertThrows(IOException.class, () -> storage.getRange("data/00/pack", range[0], (int) range[1]));
            assertFalse(e instanceof NoSuchObjectException, "the object exists: " + e);
            assertTrue(e.getMessage().contains("data/00/pack"), e.getMessage());
        }
    }

    @Test
    void readRangeReadsWhatGetRangeReturnsIntoTheCallersArray() throws IOException {
        byte[] data = randomBytes(4096, 7);
        storage.put("data/00/pack", data);
        byte[] into = new byte[1200];
        Arrays.fill(into, (byte) 0x5A);

        storage.readRange("data/00/pack", 100, 1000, into);
        assertArrayEquals(Arrays.copyOfRange(data, 100, 1100), Arrays.copyOf(into, 1000));
        for (int i = 1000; i < into.length; i++) {
            assertEquals(0x5A, into[i], "byte " + i + " past the range");
        }
        IOException e = assertThrows(IOException.class, () -> storage.readRange("data/00/pack", 4000, 100, into));
        assertFalse(e instanceof NoSuchObjectException, "the object exists: " + e);
        assertTrue(e.getMessage().contains("data/00/pack"), e.getMessage());
        assertThrows(NoSuchObjectException.class, () -> storage.readRange("data/00/missing", 0, 1, into));
    }

    @Test
    void getRangeOfAMissingObjectIsNoSuchObject() {
        assertThrows(NoSuchObjectException.class, () -> storage.getRange("data/00/missing", 0, 1));
    }

    @Test
    void getOfAMissingObjectIsNoSuchObjectNamingIt() throws IOException {
        storage.put("data/00/present", new byte[1]);

        NoSuchObjectException e = assertThrows(NoSuchObjectException.class, () -> storage.get("data/00/absent"));

        assertEquals("data/00/absent", e.objectName());
        assertTrue(e.getMessage().contains("data/00/absent"), e.getMessage());
        assertTrue(e.getMessage().contains(storage.location()), e.getMessage());
    }

    @Test
    void sizeIsTheByteCountAndFailsForAMissingObject() throws IOException {
        storage.put("index/1", new byte[1234]);

        assertEquals(1234, storage.size("index/1"));
        assertThrows(NoSuchObjectException.class, () -> storage.size("index/2"));
    }

    @Test
    void onlyObjectsExistNotTheirPrefixes() throws IOException {
        storage.put("data/3f/3f2a", new byte[3]);

        assertTrue(storage.exists("data/3f/3f2a"));
        assertFalse(storage.exists("data/3f/3f2b"));
        assertFalse(storage.exists("data/3f"));
        assertFalse(storage.exists("data"));
        assertThrows(NoSuchObjectException.class, () -> storage.get("data/3f"));
        assertThrows(NoSuchObjectException.class, () -> storage.size("data"));
    }

    @Test
    void listFindsObjectsByPrefixAtAnyDepth() throws IOException {
        storage.put("data/3f/3f01", new byte[1]);
        storage.put("data/3f/3f02", new byte[2]);
        storage.put("data/40/4001", new byte[3]);
        storage.put("index/0001", new byte[4]);
        storage.put("datastore", new byte[5]);

        assertEquals(
                Set.of(
                        new ObjectInfo("data/3f/3f01", 1),
                        new ObjectInfo("data/3f/3f02", 2),
                        new ObjectInfo("data/40/4001", 3)),
                Set.copyOf(storage.list("data/")));
        assertEquals(Set.of("data/3f/3f01", "data/3f/3f02"), names(storage.list("data/3f/")));
        assertEquals(Set.of("data/3f/3f01", "data/3f/3f02"), names(storage.list("data/3")));
        assertEquals(Set.of("data/3f/3f01", "data/3f/3f02", "data/40/4001", "datastore"), names(storage.list("data")));
        assertEquals(5, storage.list("").size());
        assertEquals(Set.of("index/0001"), names(storage.list("index/0001")));
    }

    @Test
    void listOfAnEmptyStorageOrAnUnknownPrefixIsEmpty() throws IOException {
        assertEquals(List.of(), storage.list(""));
        storage.put("index/1", new byte[1]);
        assertEquals(List.of(), storage.list("snapshots/"));
        assertEquals(List.of(), storage.list("index/2"));
    }

    /** More objects than one S3 listing page (1000 keys); the only test that writes this many. */
    @Test
    void listReturnsEveryObjectBeyondOnePage() throws Exception {
        int count = 1100;
        storage.put("other/0000", new byte[1]);
        Map<String, byte[]> many = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            many.put(String.format("many/%04d", i), new byte[i % 7]);
        }
        putMany(many);

        Map<String, Long> listed = new TreeMap<>();
        for (ObjectInfo info : storage.list("many/")) {
            assertEquals(null, listed.put(info.name(), info.size()), "listed twice: " + info);
        }
        assertEquals(count, listed.size());
        for (int i = 0; i < count; i++) {
            assertEquals(i % 7, listed.get(String.format("many/%04d", i)), "size of many/" + i);
        }
    }

    /**
     * Stores many objects for the listing test: by default with puts from four threads. A subclass may store them
     * behind the storage's back when its puts are slow; the listing is what that test is about.
     */
    protected void putMany(Map<String, byte[]> objects) throws Exception {
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(objects.entrySet());
        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int first = t;
            writers.add(() -> {
                for (int i = first; i < entries.size(); i += 4) {
                    storage.put(entries.get(i).getKey(), entries.get(i).getValue());
                }
                return null;
            });
        }
        runConcurrently(writers);
    }

    @Test
    void deleteRemovesTheObjectOnly() throws IOException {
        storage.put("locks/a", new byte[1]);
        storage.put("locks/b", new byte[1]);

        storage.delete("locks/a");

        assertFalse(storage.exists("locks/a"));
        assertThrows(NoSuchObjectException.class, () -> storage.get("locks/a"));
        assertEquals(Set.of("locks/b"), names(storage.list("locks/")));
    }

    @Test
    void deletingAMissingObjectIsFine() throws IOException {
        storage.delete("locks/never");
        storage.delete("nowhere/at/all");

        assertEquals(List.of(), storage.list(""));
    }

    @Test
    void aDeletedNameCanBeWrittenAgain() throws IOException {
        storage.put("locks/a", new byte[] {1});
        storage.delete("locks/a");
        storage.put("locks/a", new byte[] {2});

        assertArrayEquals(new byte[] {2}, storage.get("locks/a"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../x",
                "/abs",
                "a//b",
                "a/",
                "Upper",
                "data/Ab",
                "a\u0000b",
                "",
                "./x",
                "a/../b",
                ".tmp-x",
                "a b",
                "a\\b"
            })
    void badNamesAreRejectedByEveryOperation(String name) throws IOException {
        byte[] data = {1};
        assertBadName(name, () -> storage.put(name, data));
        assertBadName(name, () -> storage.get(name));
        assertBadName(name, () -> storage.getRange(name, 0, 1));
        assertBadName(name, () -> storage.size(name));
        assertBadName(name, () -> storage.exists(name));
        assertBadName(name, () -> storage.delete(name));
        assertEquals(List.of(), storage.list(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../", "/", "/data", "a//", "Index/"})
    void badPrefixesAreRejected(String prefix) {
        assertBadName(prefix, () -> storage.list(prefix));
    }

    @Test
    void concurrentPutsFromSeveralThreadsAllLandWhole() throws Exception {
        int threads = 6;
        int perThread = 15;
        List<byte[]> sharedVersions = new ArrayList<>();
        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            byte[] mine = randomBytes(64 << 10, 100 + t);
            sharedVersions.add(mine);
            writers.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    storage.put("data/" + thread + "/" + i, randomBytes(1000 + i, thread * 1000L + i));
                    storage.put("locks/shared", mine);
                }
                return null;
            });
        }

        runConcurrently(writers);

        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                assertArrayEquals(randomBytes(1000 + i, t * 1000L + i), storage.get("data/" + t + "/" + i));
            }
        }
        byte[] shared = storage.get("locks/shared");
        assertTrue(
                sharedVersions.stream().anyMatch(v -> Arrays.equals(v, shared)),
                "the shared object is not exactly one writer's bytes");
        assertEquals(threads * perThread + 1, storage.list("").size());
    }

    /** Runs every task at once (released together by a latch) and rethrows the first failure. */
    protected static void runConcurrently(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            for (Future<Void> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    protected static Set<String> names(List<ObjectInfo> objects) {
        return objects.stream().map(ObjectInfo::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private interface Operation {
        void run() throws IOException;
    }

    private static void assertBadName(String name, Operation operation) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, operation::run);
        assertTrue(e.getMessage().contains(name), "message does not quote " + name + ": " + e.getMessage());
    }
}
