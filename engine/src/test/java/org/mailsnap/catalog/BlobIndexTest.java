package org.mailsnap.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;
import org.mailsnap.model.SnapshotId;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BlobIndexTest {
    @TempDir
    Path dir;

    private final Samples samples = new Samples(3);

    @Test
    void locationsAndLoadedIndexFilesPersist() throws Exception {
        Map<BlobId, BlobLocation> batch = batch(samples.packId(), 50);
        ObjectId first = new ObjectId(samples.hex(32));
        ObjectId second = new ObjectId(samples.hex(32));
        try (Catalog catalog = Catalog.open(dir, "r")) {
            CatalogBlobIndex blobs = catalog.blobs();
            blobs.addAll(batch.entrySet());
            blobs.markIndexLoaded(first);
            blobs.markIndexLoaded(second);
            assertEquals(Optional.empty(), blobs.find(samples.blobId()));
        }
        try (Catalog catalog = Catalog.open(dir, "r")) {
            CatalogBlobIndex blobs = catalog.blobs();
            for (Map.Entry<BlobId, BlobLocation> e : batch.entrySet()) {
                assertEquals(Optional.of(e.getValue()), blobs.find(e.getKey()));
            }
            assertEquals(Set.of(first.hex(), second.hex()), blobs.loadedIndexFiles());
            assertEquals(50, blobs.size());
        }
    }

    @Test
    void clearingEmptiesTheIndexWholeAndItLoadsAgain() throws Exception {
        int n = 20_000; // several levels of pages
        Map<BlobId, BlobLocation> big = batch(samples.packId(), n);
        ObjectId loaded = new ObjectId(samples.hex(32));
        try (Catalog catalog = Catalog.open(dir, "r")) {
            CatalogBlobIndex blobs = catalog.blobs();
            blobs.addAll(big.entrySet());
            blobs.markIndexLoaded(loaded);
            assertEquals(n, blobs.size());
            for (Map.Entry<BlobId, BlobLocation> e : big.entrySet()) {
                assertEquals(Optional.of(e.getValue()), blobs.find(e.getKey()));
            }

            blobs.clear();
            assertEquals(0, blobs.size());
            assertEquals(Set.of(), blobs.loadedIndexFiles());
            assertEquals(Optional.empty(), blobs.find(big.keySet().iterator().next()));

            blobs.addAll(big.entrySet()); // as after a prune: every live index file again
            assertEquals(n, blobs.size());
        }
        try (Catalog catalog = Catalog.open(dir, "r")) {
            for (Map.Entry<BlobId, BlobLocation> e : big.entrySet()) {
                assertEquals(Optional.of(e.getValue()), catalog.blobs().find(e.getKey()), "durable");
            }
        }
    }

    /**
     * One call spans several transactions ({@link CatalogBlobIndex#ENTRIES_PER_TRANSACTION}) and records its entries
     * in key order: an id listed twice still ends at its later location, and a location marked bad stays out.
     */
    @Test
    void aCallLargerThanOneTransactionKeepsTheLaterLocationAndTheDamageMarks() throws Exception {
        int n = 3 * CatalogBlobIndex.ENTRIES_PER_TRANSACTION + 7;
        PackId first = samples.packId();
        PackId second = samples.packId();
        Map<BlobId, BlobLocation> earlier = batch(first, n);
        List<Map.Entry<BlobId, BlobLocation>> entries = new ArrayList<>(earlier.entrySet());
        BlobId twice = entries.get(0).getKey();
        BlobLocation later = new BlobLocation(second, BlobType.DATA, 0, 900, 2000, 0);
        entries.add(Map.entry(twice, later)); // in another transaction than the first, if unsorted
        BlobId bad = entries.get(n - 1).getKey();
        try (Catalog catalog = Catalog.open(dir, "r")) {
            CatalogBlobIndex blobs = catalog.blobs();
            blobs.markDamaged(List.of(new DamagedBlob(bad, first, "unreadable")));
            blobs.addAll(entries);
            assertEquals(n - 1, blobs.size());
            assertEquals(Optional.of(later), blobs.find(twice));
            assertEquals(Optional.empty(), blobs.find(bad));
            for (Map.Entry<BlobId, BlobLocation> e : entries.subList(1, n - 1)) {
                assertEquals(Optional.of(e.getValue()), blobs.find(e.getKey()));
            }
        }
    }

    @Test
    void droppingPacksAndBlobsRemovesExactlyThose() throws Exception {
        PackId p1 = samples.packId();
        PackId p2 = samples.packId();
        PackId p3 = samples.packId();
        Map<BlobId, BlobLocation> b1 = batch(p1, 30);
        Map<BlobId, BlobLocation> b2 = batch(p2, 20);
        Map<BlobId, BlobLocation> b3 = batch(p3, 10);
        try (Catalog catalog = Catalog.open(dir, "r")) {
            CatalogBlobIndex blobs = catalog.blobs();
            blobs.addAll(b1.entrySet());
            blobs.addAll(b2.entrySet());
            blobs.addAll(b3.entrySet());
            assertEquals(30, blobs.markPacksMissing(Set.of(p2, p3)).size());
            BlobId someOfP3 = b3.keySet().iterator().next();
            assertEquals(
                    1,
                    blobs.markDamaged(List.of(
                            new DamagedBlob(someOfP3, null, "gone"), new DamagedBlob(samples.blobId(), null, "gone"))));
            assertEquals(List.of(), blobs.markPacksMissing(Set.of(p2, p3)));
            assertEquals(29, blobs.size());
            for (BlobId id : b1.keySet()) {
                assertEquals(Optional.empty(), blobs.find(id));
            }
            for (Map.Entry<BlobId, BlobLocation> e : b2.entrySet()) {
                assertEquals(Optional.of(e.getValue()), blobs.find(e.getKey()));
            }
            assertEquals(Optional.empty(), blobs.find(someOfP3));
        }
    }

    /**
     * Four threads look up blobs without pause while another thread publishes batches and a run's writer is open:
     * every lookup of an earlier batch hits with the right location, and a batch is visible to every thread as soon
     * as addAll returns.
     */
    @Test
    void concurrentFindsWhileBatchesCommitAndARunWriterIsOpen() throws Exception {
        int batches = 40;
        List<Map<BlobId, BlobLocation>> all = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            all.add(batch(samples.packId(), 100));
        }
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try (Catalog catalog = Catalog.open(dir, "r")) {
            CatalogBlobIndex blobs = catalog.blobs();
            blobs.addAll(all.get(0).entrySet());
            AtomicInteger published = new AtomicInteger(1);
            AtomicLong lookups = new AtomicLong();
            CountDownLatch started = new CountDownLatch(4);
            List<Future<?>> finders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                finders.add(pool.submit(() -> {
                    started.countDown();
                    int round = 0;
                    while (true) {
                        int visible = published.get();
                        boolean last = visible == batches;
                        Map<BlobId, BlobLocation> batch = all.get((thread + round++) % visible);
                        for (Map.Entry<BlobId, BlobLocation> e : batch.entrySet()) {
                            assertEquals(Optional.of(e.getValue()), blobs.find(e.getKey()));
                            lookups.incrementAndGet();
                        }
                        if (last && round >= batches) {
                            return null;
                        }
                    }
                }));
            }
            // The run's writer is open on this thread throughout; the blob index must not wait for it.
            try (CatalogWriter run = catalog.beginWrite()) {
                started.await();
                for (int i = 1; i < batches; i++) {
                    Map<BlobId, BlobLocation> batch = all.get(i);
                    if (i % 2 == 0) {
                        blobs.addAll(batch.entrySet()); // from the writer's own thread
                    } else {
                        pool.submit(() -> {
                                    blobs.addAll(batch.entrySet());
                                    return null;
                                })
                                .get();
                    }
                    run.putSnapshot(new SnapshotSummary(
                            SnapshotId.parse(String.format("%064x", i)), java.time.Instant.EPOCH, "h", "k", i));
                    published.set(i + 1);
                }
                run.commit();
            }
            for (Future<?> f : finders) {
                f.get();
            }
            System.out.println("BlobIndexTest: " + lookups.get() + " concurrent lookups, all hits correct");
            assertTrue(lookups.get() >= 4L * batches * 100);
            assertEquals(batches * 100L, blobs.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDamagedLocationIsDroppedAndStaysOutUntilTheBlobIsStoredElsewhere() throws Exception {
        PackId bad = samples.packId();
        PackId good = samples.packId();
        Map<BlobId, BlobLocation> inBad = batch(bad, 10);
        ObjectId listing = new ObjectId(samples.hex(32));
        List<BlobId> ids = new ArrayList<>(inBad.keySet());
        try (Catalog catalog = Catalog.open(dir, "r")) {
            CatalogBlobIndex blobs = catalog.blobs();
            blobs.addAll(inBad.entrySet());
            blobs.markIndexLoaded(listing);
            BlobId damaged = ids.get(0);
            BlobId elsewhere = ids.get(1);
            assertEquals(
                    1,
                    blobs.markDamaged(List.of(
                            new DamagedBlob(damaged, bad, "MAC mismatch"),
                            new DamagedBlob(elsewhere, good, "not where the catalog has it"))));
            assertEquals(Optional.empty(), blobs.find(damaged));
            assertTrue(blobs.find(elsewhere).isPresent(), "a mark for another pack leaves this location");

            blobs.addAll(inBad.entrySet()); // a reload after a prune: the bad location stays out
            assertEquals(Optional.empty(), blobs.find(damaged));
            BlobLocation stored = new BlobLocation(good, BlobType.DATA, 42, 900, 2000, 0);
            blobs.addAll(List.of(Map.entry(damaged, stored))); // a backup stored it again
            assertEquals(Optional.of(stored), blobs.find(damaged));
            assertEquals(2, blobs.damagedLocations().size());
        }
        try (Catalog catalog = Catalog.open(dir, "r")) {
            List<DamagedBlob> missing = catalog.blobs().markPacksMissing(Set.of(good));
            assertEquals(9, missing.size(), "every location in the pack not in data/ but the one stored again");
            assertEquals(Optional.empty(), catalog.blobs().find(ids.get(5)));
            assertEquals(1, catalog.blobs().size());
        }
    }

    private Map<BlobId, BlobLocation> batch(PackId pack, int n) {
        Map<BlobId, BlobLocation> batch = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            batch.put(samples.blobId(), new BlobLocation(pack, BlobType.DATA, i * 1000L, 900, 2000, i));
        }
        return batch;
    }
}
