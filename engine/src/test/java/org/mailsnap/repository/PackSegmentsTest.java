package org.mailsnap.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.storage.ForwardingStorage;
import org.mailsnap.storage.LocalStorage;
import org.mailsnap.storage.ObjectInfo;
import org.mailsnap.storage.Storage;
import org.mailsnap.storage.s3.S3Storage;
import org.mailsnap.storage.s3.S3TestServer;

/**
 * Reading blobs in the order they were stored ({@link BlobStore#inStoredOrder}): the same plaintexts as
 * {@link BlobStore#get}, from far fewer storage reads where the storage reads ahead (a real S3 server; a disk told to
 * read ahead as S3 does), and the same failures when a pack is damaged. The storage wrapper only counts.
 */
class PackSegmentsTest {
    private static final long SEED = 20261207L;

    @TempDir
    Path dir;

    /** One ranged read of a data pack. */
    private record Read(String name, long offset, int length) {}

    /** Counts ranged reads of data packs and keeps them; reads ahead as {@code readAhead} says. */
    private static final class Counting extends ForwardingStorage {
        final AtomicInteger packReads = new AtomicInteger();
        final List<Read> reads = Collections.synchronizedList(new ArrayList<>());
        private final int readAhead;

        Counting(Storage delegate, int readAhead) {
            super(delegate);
            this.readAhead = readAhead;
        }

        @Override
        public int readAheadBytes() {
            return readAhead;
        }

        @Override
        public byte[] getRange(String name, long offset, int length) throws IOException {
            if (name.startsWith("data/")) {
                packReads.incrementAndGet();
                reads.add(new Read(name, offset, length));
            }
            return delegate.getRange(name, offset, length);
        }
    }

    private record Stored(Counting storage, BlobStore blobs, Map<BlobId, byte[]> plaintexts) {}

    /** On disk, reading ahead a megabyte as S3 does. */
    private Stored store(int count) throws Exception {
        return store(count, new Counting(new LocalStorage(dir.resolve("repo")), 1 << 20));
    }

    /** Messages of 1–30 KiB of random bytes, as a backup stores them, into 4 MiB packs. */
    private static Stored store(int count, Counting storage) throws Exception {
        System.out.println("seed " + SEED);
        Random random = new Random(SEED);
        Repository repo = Repository.init(
                storage,
                "pw".toCharArray(),
                TestRepositories.options(SEED).packTargetSize(4 << 20).build());
        BlobStore blobs = repo.openBlobStore(new MemoryBlobIndex());
        Map<BlobId, byte[]> plaintexts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            byte[] message = new byte[1024 + random.nextInt(30 * 1024)];
            random.nextBytes(message);
            plaintexts.put(blobs.put(BlobType.DATA, message), message);
        }
        blobs.flush();
        return new Stored(storage, blobs, plaintexts);
    }

    @Test
    void blobsReadInStoredOrderAreTheSameFromOneReadPerSegment() throws Exception {
        Stored stored = store(600); // ~9 MiB: three packs, ten segments
        int segmented = readAll(stored, stored.blobs().inStoredOrder()::get);
        int direct = readAll(stored, stored.blobs()::get);
        assertTrue(segmented < 30, segmented + " reads for 600 blobs in stored order; " + direct + " blob by blob");
        assertTrue(direct >= 600, direct + " reads blob by blob");
        // A restore's lending read goes through the same segments, and lends each blob's exact bytes.
        int lent = readAll(stored, BlobSource.of(stored.blobs().inStoredOrder()));
        assertTrue(lent < 30, lent + " reads for 600 blobs lent in stored order");

        stored.storage().reads.clear();
        readAll(stored, stored.blobs().inStoredOrder()::get);
        Set<String> packsStarted = new HashSet<>();
        for (Read read : stored.storage().reads) {
            long size = stored.storage().size(read.name());
            assertTrue(
                    read.length() == 1 << 20 // a segment
                            || read.offset() + read.length() == size // the rest of a pack
                            || packsStarted.add(read.name()), // the first blob read from a pack, alone
                    "no blob is read on its own but a pack's first: " + read + " of " + size + " bytes");
        }
    }

    @Test
    void aBlobFarFromEveryRecentReadIsReadAlone() throws Exception {
        Stored stored = store(1200); // ~19 MiB, packs of 4 MiB
        List<BlobId> ids = new ArrayList<>(stored.plaintexts().keySet());
        BlobStore.SequentialReader reader = stored.blobs().inStoredOrder();
        stored.storage().reads.clear();
        long asked = 0;
        for (int i = 0; i < ids.size(); i += 97) { // a blob here and there, as deduplicated blobs of a mailbox lie
            assertArrayEquals(stored.plaintexts().get(ids.get(i)), reader.get(ids.get(i)));
            asked += stored.plaintexts().get(ids.get(i)).length;
        }
        long read = stored.storage().reads.stream().mapToLong(Read::length).sum();
        assertTrue(read < asked * 1.1 + 1024, read + " bytes read for " + asked + " bytes of blobs");
    }

    @Test
    void fromARealS3ServerOneRequestServesManyBlobs() throws Exception {
        try (S3TestServer server = S3TestServer.start()) {
            server.createBucket("segments");
            Storage s3 = S3Storage.open(server.settings("segments", "repo"));
            Stored stored = store(300, new Counting(s3, s3.readAheadBytes()));
            int segmented = readAll(stored, stored.blobs().inStoredOrder()::get);
            assertTrue(segmented < 30, segmented + " requests for 300 blobs");
        }
    }

    @Test
    void whereTheStorageDoesNotReadAheadBlobsAreReadOneByOne() throws Exception {
        Stored stored = store(100, new Counting(new LocalStorage(dir.resolve("repo")), 0));
        readAll(stored, stored.blobs()::get); // the packs' keys are read once and kept
        assertEquals(100, readAll(stored, stored.blobs().inStoredOrder()::get), "one read per blob");
    }

    /** Reads every stored blob through {@code source}, checking each; returns the pack reads it took. */
    private static int readAll(Stored stored, BlobSource source) throws IOException {
        stored.storage().packReads.set(0);
        for (Map.Entry<BlobId, byte[]> e : stored.plaintexts().entrySet()) {
            java.io.ByteArrayOutputStream lent = new java.io.ByteArrayOutputStream();
            assertEquals(e.getValue().length, source.read(e.getKey(), lent::write));
            assertArrayEquals(e.getValue(), lent.toByteArray());
        }
        return stored.storage().packReads.get();
    }

    @Test
    void aBlobReadBetweenAllTheOthersKeepsItsSegment() throws Exception {
        Stored stored = store(1200); // ~19 MiB: twice as many segments as are kept
        List<BlobId> ids = new ArrayList<>(stored.plaintexts().keySet());
        BlobId shared = ids.get(0); // as a message copied into many folders is read between the others
        BlobStore.SequentialReader reader = stored.blobs().inStoredOrder();
        reader.get(shared);
        reader.get(shared); // near the first read of it: now its segment is read
        Read first = stored.storage().reads.get(stored.storage().reads.size() - 1);
        stored.storage().reads.clear();
        for (BlobId id : ids) {
            assertArrayEquals(stored.plaintexts().get(id), reader.get(id));
            assertArrayEquals(stored.plaintexts().get(shared), reader.get(shared));
        }
        assertTrue(
                stored.storage().reads.stream()
                        .noneMatch(r -> r.name().equals(first.name()) && r.offset() == first.offset()),
                "the shared blob's segment (" + first + "), used all along, is never read again");
    }

    @Test
    void aMissingPackFailsEachOfItsBlobsAsADirectReadDoes() throws Exception {
        Stored stored = store(300);
        ObjectInfo pack = stored.storage().list("data/").get(0);
        Files.delete(dir.resolve("repo").resolve(pack.name()));
        BlobStore.SequentialReader reader = stored.blobs().inStoredOrder();
        int failed = 0;
        for (Map.Entry<BlobId, byte[]> e : stored.plaintexts().entrySet()) {
            IOException direct = null;
            try {
                stored.blobs().get(e.getKey());
            } catch (IOException failure) {
                direct = failure;
            }
            if (direct != null) {
                IOException segmented = assertThrows(IOException.class, () -> reader.get(e.getKey()));
                assertEquals(direct.getClass(), segmented.getClass());
                assertEquals(direct.getMessage(), segmented.getMessage());
                failed++;
            } else {
                assertArrayEquals(e.getValue(), reader.get(e.getKey()));
            }
        }
        assertTrue(failed > 0, "some blobs were in the deleted pack");
    }

    @Test
    void readersOnSeveralThreadsGetEveryBlobRight() throws Exception {
        Stored stored = store(400);
        BlobStore.SequentialReader reader = stored.blobs().inStoredOrder();
        List<BlobId> ids = new ArrayList<>(stored.plaintexts().keySet());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < ids.size(); i += 4) { // interleaved, as a restore's writers take files
                        assertArrayEquals(stored.plaintexts().get(ids.get(i)), reader.get(ids.get(i)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTruncatedPackFailsTheBlobsPastItsEndAsADirectReadDoes() throws Exception {
        Stored stored = store(300);
        ObjectInfo pack = stored.storage().list("data/").get(0);
        Path file = dir.resolve("repo").resolve(pack.name());
        long keep = Files.size(file) / 2;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(keep);
        }
        BlobStore.SequentialReader reader = stored.blobs().inStoredOrder();
        int intact = 0;
        int failed = 0;
        for (Map.Entry<BlobId, byte[]> e : stored.plaintexts().entrySet()) {
            IOException direct = null;
            byte[] plaintext = null;
            try {
                plaintext = stored.blobs().get(e.getKey());
            } catch (IOException failure) {
                direct = failure;
            }
            if (direct == null) {
                assertArrayEquals(plaintext, reader.get(e.getKey()));
                intact++;
            } else {
                IOException segmented = assertThrows(IOException.class, () -> reader.get(e.getKey()));
                assertEquals(direct.getClass(), segmented.getClass());
                assertEquals(direct.getMessage(), segmented.getMessage());
                failed++;
            }
        }
        assertTrue(intact > 0 && failed > 0, intact + " intact, " + failed + " failed");
    }
}
