package org.mailsnap.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;
import org.mailsnap.storage.MemoryStorage;
import org.mailsnap.storage.ObjectInfo;

/** Blob round trips, deduplication, concurrency and confidentiality through a {@link MemoryStorage}. */
class BlobStoreTest {
    private static final long SEED = 20250101L;
    private final MemoryStorage storage = new MemoryStorage();

    private Repository init(RepositoryOptions.Builder options) throws Exception {
        return Repository.init(storage, "pw".toCharArray(), options.build());
    }

    private static byte[] compressible(int size, String marker) {
        byte[] line = ("From: someone@example.org " + marker + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = line[i % line.length];
        }
        return out;
    }

    private static byte[] incompressible(Random random, int size) {
        byte[] out = new byte[size];
        random.nextBytes(out);
        return out;
    }

    /**
     * A range is stored as its copy would be (the same id; the copy's put deduplicates), and the store is done with
     * the array when its put returns: the buffer is overwritten at once, as a message reader's buffer is.
     */
    @Test
    void aRangeIsStoredAsItsCopyAndTheBufferMayChangeAtOnce() throws Exception {
        System.out.println("seed " + SEED);
        Random random = new Random(SEED);
        BlobStore blobs = init(TestRepositories.options(SEED)).openBlobStore(new MemoryBlobIndex());
        byte[] buffer = new byte[400_000];
        Map<BlobId, byte[]> stored = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            byte[] fill = i % 2 == 0 ? compressible(buffer.length, "r" + i) : incompressible(random, buffer.length);
            System.arraycopy(fill, 0, buffer, 0, buffer.length);
            int offset = random.nextInt(1_000);
            int length = random.nextInt(300_000);
            byte[] copy = java.util.Arrays.copyOfRange(buffer, offset, offset + length);
            stored.put(blobs.put(BlobType.DATA, buffer, offset, length), copy);
        }
        long deduplicatedBefore = blobs.stats().blobsDeduplicated();
        for (Map.Entry<BlobId, byte[]> e : stored.entrySet()) {
            assertEquals(e.getKey(), blobs.put(BlobType.DATA, e.getValue()));
        }
        assertEquals(deduplicatedBefore + stored.size(), blobs.stats().blobsDeduplicated());
        blobs.flush();
        for (Map.Entry<BlobId, byte[]> e : stored.entrySet()) {
            assertArrayEquals(e.getValue(), blobs.get(e.getKey()));
        }
        assertThrows(IndexOutOfBoundsException.class, () -> blobs.put(BlobType.DATA, buffer, 399_999, 2));
    }

    @Test
    void blobsOfManySizesRoundTripBeforeAndAfterReopening() throws Exception {
        System.out.println("seed " + SEED);
        Random random = new Random(SEED);
        Repository repo = init(TestRepositories.options(SEED).packTargetSize(1 << 20));
        BlobStore blobs = repo.openBlobStore(new MemoryBlobIndex());
        Map<BlobId, byte[]> stored = new LinkedHashMap<>();
        for (int size : new int[] {0, 1, 2, 100, 255 * 1024, 256 * 1024 + 1, 5 * 1024 * 1024}) {
            for (byte[] plaintext : List.of(incompressible(random, size), compressible(size, "s" + size))) {
                BlobType type = size % 2 == 0 ? BlobType.DATA : BlobType.METADATA;
                stored.put(blobs.put(type, plaintext), plaintext);
            }
        }
        blobs.flush();
        for (Map.Entry<BlobId, byte[]> e : stored.entrySet()) {
            assertArrayEquals(e.getValue(), blobs.get(e.getKey()));
        }
        // Lent from one thread's buffers, a small blob after a large one and one past the buffers' limit.
        BlobStore.SequentialReader reader = blobs.inStoredOrder();
        for (int pass = 0; pass < 2; pass++) {
            for (Map.Entry<BlobId, byte[]> e : stored.entrySet()) {
                java.io.ByteArrayOutputStream lent = new java.io.ByteArrayOutputStream();
                assertEquals(e.getValue().length, reader.read(e.getKey(), lent::write));
                assertArrayEquals(e.getValue(), lent.toByteArray());
            }
        }
        BlobStoreStats stats = blobs.stats();
        assertEquals(stored.size(), stats.blobsNew());
        assertTrue(stats.bytesCompressed() < stats.bytesRaw(), stats.toString());
        assertTrue(stats.packsWritten() >= 3, "5 MiB blobs exceed a 1 MiB pack target: " + stats);
        assertEquals(1, stats.indexFilesWritten());

        Repository reopened = Repository.open(
                storage, "pw".toCharArray(), TestRepositories.options(7).build());
        MemoryBlobIndex index = new MemoryBlobIndex();
        IndexSync.Result result = reopened.indexSync().loadAll(index);
        assertEquals(stored.size(), index.size());
        assertEquals(1, result.fed().size());
        BlobStore again = reopened.openBlobStore(index);
        for (Map.Entry<BlobId, byte[]> e : stored.entrySet()) {
            assertArrayEquals(e.getValue(), again.get(e.getKey()));
            assertTrue(again.contains(e.getKey()));
        }
    }

    @Test
    void samePlaintextIsStoredOnceAlsoAcrossRuns() throws Exception {
        Repository repo = init(TestRepositories.options(SEED));
        MemoryBlobIndex index = new MemoryBlobIndex();
        BlobStore blobs = repo.openBlobStore(index);
        byte[] body = compressible(10_000, "dup");
        BlobId first = blobs.put(BlobType.DATA, body);
        BlobId second = blobs.put(BlobType.DATA, body.clone());
        assertEquals(first, second);
        blobs.flush();
        BlobStore nextRun = repo.openBlobStore(index);
        assertEquals(first, nextRun.put(BlobType.DATA, body));
        nextRun.flush();
        assertEquals(1, blobs.stats().blobsNew());
        assertEquals(1, blobs.stats().blobsDeduplicated());
        assertEquals(0, nextRun.stats().blobsNew());
        assertEquals(1, nextRun.stats().blobsDeduplicated());
        assertEquals(1, storage.list("data/").size());
        assertEquals(1, storage.list("index/").size(), "a flush with nothing new writes no index file");
    }

    @Test
    void concurrentPutsFromSeveralThreadsAllLand() throws Exception {
        System.out.println("seed " + SEED);
        Repository repo =
                init(TestRepositories.options(SEED).packTargetSize(64 * 1024).indexFlushEntries(50));
        MemoryBlobIndex index = new MemoryBlobIndex();
        BlobStore blobs = repo.openBlobStore(index);
        int threads = 4;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Map<BlobId, byte[]>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long threadSeed = SEED + t;
            futures.add(pool.submit(() -> {
                Random random = new Random(threadSeed);
                Map<BlobId, byte[]> mine = new LinkedHashMap<>();
                for (int i = 0; i < perThread; i++) {
                    // every thread also puts the same shared blobs, to race on deduplication
                    byte[] plaintext = i % 4 == 0
                            ? compressible(3000, "shared" + i)
                            : incompressible(random, 1 + random.nextInt(4000));
                    mine.put(blobs.put(i % 3 == 0 ? BlobType.METADATA : BlobType.DATA, plaintext), plaintext);
                }
                return mine;
            }));
        }
        Map<BlobId, byte[]> all = new LinkedHashMap<>();
        for (Future<Map<BlobId, byte[]>> f : futures) {
            all.putAll(f.get());
        }
        pool.shutdown();
        blobs.flush();
        assertEquals(all.size(), index.size(), "a flush leaves nothing pending: every blob is in the index");
        assertEquals(all.size(), blobs.stats().blobsNew(), "each distinct blob stored exactly once");
        assertEquals((long) threads * perThread - all.size(), blobs.stats().blobsDeduplicated());
        assertTrue(blobs.stats().indexFilesWritten() > 1, "bounded pending entries force several index files");

        MemoryBlobIndex fresh = new MemoryBlobIndex();
        repo.indexSync().loadAll(fresh);
        assertEquals(all.size(), fresh.size());
        BlobStore reader = repo.openBlobStore(fresh);
        for (Map.Entry<BlobId, byte[]> e : all.entrySet()) {
            assertArrayEquals(e.getValue(), reader.get(e.getKey()));
        }
        for (ObjectInfo pack : storage.list("data/")) {
            byte[] bytes = storage.get(pack.name());
            PackId id = new PackId(pack.name().substring(pack.name().lastIndexOf('/') + 1));
            ObjectStore.verifyName(PackFormat.describe(id), bytes, id.hex());
            Set<BlobType> types = new HashSet<>();
            PackReader.parse(bytes, id, keysOf(repo)).entries().forEach(e -> types.add(e.type()));
            assertEquals(1, types.size(), "data and metadata never share a pack");
        }
    }

    /**
     * A pack is written blob by blob, each sealed in a scratch buffer kept from one blob to the next, and hashed as it
     * is written: a shorter blob after a longer one must append its own bytes only, and each pack be published under
     * the hash of exactly its bytes.
     */
    @Test
    void packsWrittenBlobByBlobHoldOnlyTheirOwnBytes() throws Exception {
        System.out.println("seed " + SEED);
        Random random = new Random(SEED);
        Repository repo = init(TestRepositories.options(SEED).packTargetSize(64 * 1024));
        BlobStore blobs = repo.openBlobStore(new MemoryBlobIndex());
        Map<BlobId, byte[]> stored = new LinkedHashMap<>();
        for (int size : new int[] {60_000, 30_000, 50_000, 9_000, 40_000, 2_000, 70_000, 100}) {
            byte[] plaintext = incompressible(random, size);
            stored.put(blobs.put(BlobType.DATA, plaintext), plaintext);
        }
        blobs.flush();
        List<ObjectInfo> packs = storage.list("data/");
        assertEquals(4, packs.size(), "packs of 90, 99, 72 KB and the flushed rest");
        int entries = 0;
        for (ObjectInfo pack : packs) {
            byte[] bytes = storage.get(pack.name());
            org.mailsnap.model.PackId id = PackFormat.idOf(pack.name());
            ObjectStore.verifyName(PackFormat.describe(id), bytes, id.hex());
            entries += PackReader.parse(bytes, id, keysOf(repo)).entries().size();
        }
        assertEquals(stored.size(), entries);
        for (Map.Entry<BlobId, byte[]> e : stored.entrySet()) {
            assertArrayEquals(e.getValue(), blobs.get(e.getKey()));
        }
    }

    @Test
    void noPlaintextOfAnyBlobAppearsInTheRepository() throws Exception {
        String marker = "MARKER-7f3a-do-not-leak";
        Repository repo = init(TestRepositories.options(SEED));
        BlobStore blobs = repo.openBlobStore(new MemoryBlobIndex());
        Random random = new Random(SEED);
        List<byte[]> plaintexts = new ArrayList<>();
        plaintexts.add(marker.getBytes(StandardCharsets.US_ASCII));
        plaintexts.add(compressible(50_000, marker));
        byte[] noisy = incompressible(random, 300 * 1024);
        System.arraycopy(marker.getBytes(StandardCharsets.US_ASCII), 0, noisy, 1000, marker.length());
        plaintexts.add(noisy);
        for (byte[] p : plaintexts) {
            blobs.put(BlobType.DATA, p);
            blobs.put(
                    BlobType.METADATA,
                    ("manifest " + new String(p, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
        }
        blobs.flush();
        repo.objects().save(ObjectKind.SNAPSHOT, ("snapshot of " + marker).getBytes(StandardCharsets.US_ASCII));
        RepositoryLock lock = repo.lockShared();
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        List<ObjectInfo> objects = storage.list("");
        assertEquals(7, objects.size(), "config, key, 2 packs, index, snapshot, lock: " + objects);
        for (ObjectInfo object : objects) {
            byte[] bytes = storage.get(object.name());
            assertEquals(-1, indexOf(bytes, needle), object.name() + " contains the marker");
        }
        lock.close();
    }

    @Test
    void getOfAnUnflushedBlobSaysSoAndFlushMakesItFindable() throws Exception {
        Repository repo = init(TestRepositories.options(SEED));
        BlobStore blobs = repo.openBlobStore(new MemoryBlobIndex());
        BlobId id = blobs.put(BlobType.DATA, new byte[] {1, 2, 3});
        assertTrue(blobs.contains(id));
        BlobNotFoundException e = assertThrows(BlobNotFoundException.class, () -> blobs.get(id));
        assertTrue(e.getMessage().contains("not yet flushed"), e.getMessage());
        blobs.flush();
        assertArrayEquals(new byte[] {1, 2, 3}, blobs.get(id));
        assertFalse(blobs.contains(repo.blobId(new byte[] {9})));
    }

    @Test
    void aFailedPublishStopsTheStore() throws Exception {
        Repository repo = init(TestRepositories.options(SEED));
        FailingStorage failing = new FailingStorage(storage);
        Repository viaFailing = Repository.open(
                failing, "pw".toCharArray(), TestRepositories.options(3).build());
        BlobStore blobs = viaFailing.openBlobStore(new MemoryBlobIndex());
        blobs.put(BlobType.DATA, new byte[] {1});
        failing.failPuts = true;
        assertThrows(java.io.IOException.class, blobs::flush);
        failing.failPuts = false;
        RepositoryException e = assertThrows(RepositoryException.class, () -> blobs.put(BlobType.DATA, new byte[] {2}));
        assertTrue(e.getMessage().contains("earlier failure"), e.getMessage());
        assertThrows(RepositoryException.class, blobs::flush);
        assertEquals(0, storage.list("data/").size());
        repo.close();
    }

    @Test
    void oversizedBlobIsAProgrammerError() throws Exception {
        Repository repo = init(TestRepositories.options(SEED));
        BlobStore blobs = repo.openBlobStore(new MemoryBlobIndex());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> blobs.put(BlobType.DATA, new byte[PackEntry.MAX_BLOB + 1]));
        assertTrue(e.getMessage().contains(String.valueOf(PackEntry.MAX_BLOB + 1)));
        blobs.put(BlobType.DATA, new byte[] {1});
        blobs.flush();
    }

    static org.mailsnap.crypto.SubKeys keysOf(Repository repo) throws Exception {
        var field = Repository.class.getDeclaredField("subKeys");
        field.setAccessible(true);
        return (org.mailsnap.crypto.SubKeys) field.get(repo);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
