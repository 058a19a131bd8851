package org.mailsnap.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.storage.ForwardingStorage;
import org.mailsnap.storage.MemoryStorage;

/** The sequential reader: the same bytes as {@link BlobStore#get}, in any order, with fewer reads in pack order. */
class PackSpansTest {
    private final MemoryStorage memory = new MemoryStorage();
    private final AtomicInteger ranges = new AtomicInteger();
    private final ForwardingStorage counting = new ForwardingStorage(memory) {
        @Override
        public byte[] getRange(String name, long offset, int length) throws java.io.IOException {
            ranges.incrementAndGet();
            return super.getRange(name, offset, length);
        }
    };

    private record Stored(BlobId id, byte[] plaintext) {}

    private List<Stored> storeBlobs(BlobStore blobs, Random random, int count) throws Exception {
        List<Stored> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] plaintext = new byte[1 + random.nextInt(40_000)];
            random.nextBytes(plaintext);
            if (i % 3 == 0) {
                java.util.Arrays.fill(plaintext, 0, plaintext.length / 2, (byte) 'x'); // compressed blobs too
            }
            stored.add(new Stored(blobs.put(BlobType.DATA, plaintext), plaintext));
        }
        blobs.flush();
        return stored;
    }

    private BlobStore open() throws Exception {
        return Repository.init(counting, "pw".toCharArray(), TestRepositories.options(3).build())
                .openBlobStore(new MemoryBlobIndex());
    }

    @Test
    void inPackOrderNeighboursShareAReadAndGiveTheSameBytes() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("seed " + seed);
        BlobStore blobs = open();
        List<Stored> stored = storeBlobs(blobs, new Random(seed), 300);
        BlobStore.Reader reader = blobs.sequentialReader();
        ranges.set(0);
        for (Stored s : stored) {
            assertArrayEquals(s.plaintext(), reader.get(s.id()));
        }
        int sequential = ranges.get();
        ranges.set(0);
        for (Stored s : stored) {
            assertArrayEquals(s.plaintext(), blobs.get(s.id()));
        }
        assertEquals(stored.size(), ranges.get(), "one read per blob without the reader");
        assertTrue(sequential < stored.size() / 4, sequential + " reads for " + stored.size() + " blobs");
    }

    @Test
    void anyOrderFromSeveralThreadsGivesTheSameBytes() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("seed " + seed);
        Random random = new Random(seed);
        BlobStore blobs = open();
        List<Stored> stored = storeBlobs(blobs, random, 200);
        List<Stored> shuffled = new ArrayList<>(stored);
        Collections.shuffle(shuffled, random);
        BlobStore.Reader reader = blobs.sequentialReader();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<Stored> part = t % 2 == 0 ? stored : shuffled;
                done.add(pool.submit(() -> {
                    for (Stored s : part) {
                        assertArrayEquals(s.plaintext(), reader.get(s.id()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aDamagedBlobInsideASpanIsNamedAndItsNeighboursStillRead() throws Exception {
        BlobStore blobs = open();
        List<Stored> stored = storeBlobs(blobs, new Random(5), 20);
        String pack = memory.list("data/").stream().findFirst().orElseThrow().name();
        byte[] bytes = memory.get(pack);
        bytes[PackFormat.PREFIX_LENGTH + 3] ^= 1; // inside the first blob
        memory.put(pack, bytes);
        BlobStore.Reader reader = blobs.sequentialReader();
        assertThrows(CorruptObjectException.class, () -> reader.get(stored.get(0).id()));
        for (Stored s : stored.subList(1, stored.size())) {
            assertArrayEquals(s.plaintext(), reader.get(s.id()));
        }
    }
}
