package org.mailsnap.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.history.SnapshotStore;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.repository.LockInfo;
import org.mailsnap.repository.MemoryBlobIndex;
import org.mailsnap.repository.Repository;
import org.mailsnap.retention.Forget;
import org.mailsnap.retention.GroupBy;
import org.mailsnap.retention.RetentionPolicy;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.storage.LocalStorage;

/**
 * A prune killed after each of its writes and deletes in turn: every kept snapshot stays whole (every blob it
 * references is found through the index files and decrypts), and the next prune completes and leaves the same.
 */
class PruneCrashTest {
    private static final char[] PASSWORD = "secret".toCharArray();

    @TempDir
    Path tmp;

    @Test
    void aPruneKilledAtAnyChangeLosesNothingAndTheNextOneFinishes() throws Exception {
        long seed = System.nanoTime();
        System.out.println("PruneCrashTest seed " + seed);
        Path store = tmp.resolve("store");
        new StoreGenerator(StoreSpec.tiny().withSeed(seed), 2).generate(store);
        Path original = tmp.resolve("original");
        try (BackupFixture f = new BackupFixture(original)) {
            for (int hour = 0; hour < 3; hour++) {
                if (hour > 0) {
                    new ChurnSimulator(ChurnSpec.defaults().withSeed(seed + hour)).simulateHour(store);
                    PruneScenario.ageDirectories(store);
                }
                assertFalse(f.backup(store).partial());
            }
            Forget forget = new Forget(f.repository, f.catalog.blobs());
            forget.run(
                    forget.plan(
                            RetentionPolicy.of(1, 0, 0, 0, 0, 0, null, List.of()),
                            GroupBy.HOST_PATH,
                            java.time.ZoneOffset.UTC,
                            null),
                    n -> {});
        }
        Path repo = original.resolve("repo");
        NavigableMap<String, Integer> expected = walkAll(new LocalStorage(repo));
        assertEquals(1, expected.size());

        int total;
        {
            Path copy = copyOf(repo, tmp.resolve("count"));
            CrashingStorage storage = new CrashingStorage(new LocalStorage(copy));
            try (Repository r =
                    Repository.open(storage, PASSWORD, BackupFixture.cheapKdf().build())) {
                assertTrue(Pruning.prune(r, new PruneOptions(0, false)).changed());
            }
            total = storage.changes();
            assertEquals(expected, walkAll(new LocalStorage(copy)));
        }
        System.out.println("PruneCrashTest kill points: " + total);
        assertTrue(total >= 8, "a prune that repacks makes several changes: " + total);

        for (int kill = 0; kill < total; kill++) {
            Path copy = copyOf(repo, tmp.resolve("kill-" + kill));
            CrashingStorage storage = new CrashingStorage(new LocalStorage(copy));
            storage.dieAfter(kill);
            try (Repository r =
                    Repository.open(storage, PASSWORD, BackupFixture.cheapKdf().build())) {
                assertThrows(
                        IOException.class,
                        () -> Pruning.prune(r, new PruneOptions(0, false)),
                        "killed after " + kill + " of " + total + " changes");
                storage.revive();
                assertEquals(expected, walkAll(storage), "after a kill at change " + kill);
                for (LockInfo lock : r.listLocks()) {
                    r.removeLock(lock.id()); // what 'unlock' does once the dead prune's lock is stale
                }
                PruneResult next = Pruning.prune(r, new PruneOptions(0, false));
                assertEquals(expected, walkAll(storage), "after the next prune (kill at " + kill + "): " + next);
                PruneResult settled = Pruning.prune(r, new PruneOptions(0, false));
                if (settled.changed()) {
                    // only an unindexed pack the killed prune wrote may need the second phase
                    assertTrue(settled.unindexedDeleted() > 0 && settled.packsRepacked() == 0, settled.toString());
                }
                assertEquals(expected, walkAll(storage));
            }
        }
    }

    private static Path copyOf(Path repo, Path target) throws IOException {
        try (var files = Files.walk(repo)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(repo.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    /**
     * Opens the repository as a new machine would (index files into an empty blob index) and reads every blob of
     * every snapshot; returns snapshot id → blobs read. Throws when one is missing or damaged.
     */
    static NavigableMap<String, Integer> walkAll(org.mailsnap.storage.Storage storage) throws IOException {
        TreeMap<String, Integer> result = new TreeMap<>();
        try (Repository r =
                Repository.open(storage, PASSWORD, BackupFixture.cheapKdf().build())) {
            MemoryBlobIndex index = new MemoryBlobIndex();
            r.indexSync().loadAll(index);
            BlobStore blobs = r.openBlobStore(index);
            for (SnapshotId id : SnapshotStore.list(r)) {
                Snapshot s = SnapshotStore.read(r, id);
                int[] count = {0};
                ChunkCursor.tree(s.tree(), blobs::get).forEachRemaining(folder -> {
                    for (var control : folder.controlFiles()) {
                        for (BlobId chunk : control.chunks()) {
                            blobs.get(chunk);
                            count[0]++;
                        }
                    }
                    ChunkCursor.manifest(folder.manifest(), blobs::get).forEachRemaining(p -> {
                        blobs.get(p.content().header());
                        count[0]++;
                        for (BlobId body : p.content().body()) {
                            blobs.get(body);
                            count[0]++;
                        }
                    });
                });
                result.put(id.hex(), count[0]);
            }
        }
        return result;
    }
}
