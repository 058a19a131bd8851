package org.mailsnap.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.repository.IndexedBlob;
import org.mailsnap.repository.MemoryBlobIndex;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryLock;
import org.mailsnap.repository.RepositoryLockedException;
import org.mailsnap.storage.LocalStorage;
import org.mailsnap.storage.ObjectInfo;

/** Prune on a local directory: the scenario, the two-phase rule for unindexed packs, the lock. */
class PruneTest {
    @TempDir
    Path tmp;

    @Test
    void forgetThenPruneKeepsEveryKeptSnapshotAndRemovesWhatOnlyTheForgottenOneHeld() throws Exception {
        long seed = System.nanoTime();
        System.out.println("PruneTest seed " + seed);
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            new PruneScenario(f, tmp, seed).run();
        }
    }

    @Test
    void aBlobStoredTwiceByTwoWritersKeepsOneCopy() throws Exception {
        Path store = tmp.resolve("store");
        org.mailsnap.maildir.Maildirs.maildir(store.resolve("u"));
        java.nio.file.Files.writeString(
                store.resolve("u/cur/1700000001.M1P1.h:2,S"),
                "Subject: twice\r\n\r\n" + PruneScenario.randomText(new Random(1), 100_000));
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            SnapshotId snapshot = f.backup(store).snapshotId();
            java.util.Set<org.mailsnap.model.BlobId> ids = new java.util.HashSet<>();
            f.placements(snapshot)
                    .values()
                    .forEach(list -> list.forEach(p -> {
                        ids.add(p.content().header());
                        ids.addAll(p.content().body());
                    }));
            // a second host that did not know them stores the same blobs again
            BlobStore reader = f.repository.openBlobStore(f.catalog.blobs());
            BlobStore other = f.repository.openBlobStore(new MemoryBlobIndex());
            for (org.mailsnap.model.BlobId id : ids) {
                other.put(BlobType.DATA, reader.get(id));
            }
            other.flush();
            assertEquals(2, listings(f, ids.iterator().next()), "two copies before");

            PruneResult result = Pruning.prune(f.repository, new PruneOptions(0, false));
            assertTrue(result.changed(), result.toString());
            for (org.mailsnap.model.BlobId id : ids) {
                assertEquals(1, listings(f, id), "one copy left of " + id.shortHex());
            }
            assertEquals(
                    List.of(),
                    PruneCrashTest.walkAll(f.storage).values().stream()
                            .filter(n -> n == 0)
                            .toList());
        }
    }

    @Test
    void tenOrMoreSmallPacksAreMergedIntoFullOnesAndEverySnapshotStillRestores() throws Exception {
        Path store = tmp.resolve("store");
        org.mailsnap.maildir.Maildirs.maildir(store.resolve("u"));
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            List<SnapshotId> snapshots = new java.util.ArrayList<>();
            for (int hour = 0; hour < PrunePlanner.SMALL_PACKS_WORTH_MERGING; hour++) {
                deliver(store, hour);
                snapshots.add(f.backup(store).snapshotId());
            }
            int before = f.repository.packMaintenance().listPacks().size();
            assertTrue(
                    before >= PrunePlanner.SMALL_PACKS_WORTH_MERGING, "one small pack per backup at least: " + before);

            PruneResult result = Pruning.prune(f.repository, Pruning.DEFAULTS);

            int after = f.repository.packMaintenance().listPacks().size();
            assertTrue(result.changed(), result.toString());
            assertTrue(
                    after <= 2, before + " small packs became " + after + " (a data and a metadata pack): " + result);
            for (int i = 0; i < snapshots.size(); i++) {
                Path target = tmp.resolve("restored-" + i);
                f.restore(snapshots.get(i), null, target, org.mailsnap.restore.RestoreMode.EMPTY_TARGET);
                for (int hour = 0; hour <= i; hour++) {
                    assertEquals(
                            java.nio.file.Files.readString(store.resolve(messageName(hour))),
                            java.nio.file.Files.readString(target.resolve(messageName(hour))),
                            "snapshot " + i + ", message of hour " + hour);
                }
            }
            PruneResult again = Pruning.prune(f.repository, Pruning.DEFAULTS);
            assertFalse(again.changed(), "merged packs are not rewritten again: " + again);
        }
    }

    @Test
    void fewerThanTenSmallPacksAreLeftAlone() throws Exception {
        Path store = tmp.resolve("store");
        org.mailsnap.maildir.Maildirs.maildir(store.resolve("u"));
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            for (int hour = 0; hour < 3; hour++) {
                deliver(store, hour);
                f.backup(store);
            }
            var before =
                    new TreeSet<>(f.repository.packMaintenance().listPacks().keySet());

            PruneResult result = Pruning.prune(f.repository, Pruning.DEFAULTS);

            assertFalse(result.changed(), result.toString());
            assertEquals(
                    before,
                    new TreeSet<>(f.repository.packMaintenance().listPacks().keySet()));
        }
    }

    private static String messageName(int hour) {
        return "u/cur/" + (1_700_000_000 + hour * 3600) + ".M" + hour + "P1.h:2,S";
    }

    /** A new message in {@code store} for this hour; the folders aged so the next backup lists them again. */
    private static void deliver(Path store, int hour) throws Exception {
        java.nio.file.Files.writeString(
                store.resolve(messageName(hour)),
                "Subject: hour " + hour + "\r\n\r\n" + PruneScenario.randomText(new Random(hour), 20_000));
        PruneScenario.ageDirectories(store);
    }

    /** In how many packs an index file lists {@code id}, and in how many packs it is stored (must agree). */
    private static int listings(BackupFixture f, org.mailsnap.model.BlobId id) throws Exception {
        var m = f.repository.packMaintenance();
        java.util.Set<PackId> indexed = new java.util.HashSet<>();
        for (org.mailsnap.model.ObjectId index : m.indexIds()) {
            m.readIndex(index, (blob, location) -> {
                if (blob.equals(id)) {
                    indexed.add(location.pack());
                }
            });
        }
        int stored = 0;
        for (PackId pack : m.listPacks().keySet()) {
            stored += f.repository.maintenance().readPackHeader(pack).blobs().stream()
                            .map(IndexedBlob::id)
                            .toList()
                            .contains(id)
                    ? 1
                    : 0;
        }
        assertEquals(indexed.size(), stored);
        return stored;
    }

    @Test
    void aSnapshotWhoseDataIsNotIndexedStopsThePruneBeforeAnyChange() throws Exception {
        Path store = tmp.resolve("store");
        org.mailsnap.maildir.Maildirs.maildir(store.resolve("u"));
        org.mailsnap.maildir.Maildirs.message(store.resolve("u"), "cur", "1700000001.M1P1.h:2,S");
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            f.backup(store);
            for (org.mailsnap.model.ObjectId index :
                    f.repository.packMaintenance().indexIds()) {
                f.repository.packMaintenance().deleteIndex(index); // every pack now unindexed: the snapshot's data too
            }
            List<ObjectInfo> before = f.storage.list("");
            org.mailsnap.repository.RepositoryException e = assertThrows(
                    org.mailsnap.repository.RepositoryException.class,
                    () -> Pruning.prune(f.repository, Pruning.DEFAULTS));
            assertTrue(
                    e.getMessage().startsWith("prune stops: snapshot ")
                            && e.getMessage().contains("nothing was " + "deleted"),
                    e.getMessage());
            assertEquals(before, f.storage.list(""), "nothing written, nothing deleted, the lock released");
        }
    }

    @Test
    void anIndexFileListingOnlyKeptBlobsStaysAsItIs() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        org.mailsnap.maildir.Maildirs.maildir(a.resolve("u"));
        org.mailsnap.maildir.Maildirs.message(a.resolve("u"), "cur", "1700000001.M1P1.a:2,S");
        org.mailsnap.maildir.Maildirs.maildir(b.resolve("v"));
        org.mailsnap.maildir.Maildirs.message(b.resolve("v"), "cur", "1700000002.M2P1.b:2,S");
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            f.backup(org.mailsnap.backup.BackupSettings.of(a, "host-a"));
            var ofA = new java.util.TreeSet<>(f.repository.packMaintenance().indexIds());
            f.backup(org.mailsnap.backup.BackupSettings.of(b, "host-b"));
            java.nio.file.Files.delete(b.resolve("v/cur/1700000002.M2P1.b:2,S"));
            org.mailsnap.maildir.Maildirs.message(b.resolve("v"), "cur", "1700000003.M3P1.b:2,S");
            PruneScenario.ageDirectories(b);
            f.backup(org.mailsnap.backup.BackupSettings.of(b, "host-b"));
            var forget = new org.mailsnap.retention.Forget(f.repository, f.catalog.blobs());
            forget.run(
                    forget.plan(
                            org.mailsnap.retention.RetentionPolicy.of(1, 0, 0, 0, 0, 0, null, List.of()),
                            org.mailsnap.retention.GroupBy.HOST_PATH,
                            java.time.ZoneOffset.UTC,
                            null),
                    n -> {});

            int before = f.repository.packMaintenance().indexIds().size();
            PruneResult result = Pruning.prune(f.repository, new PruneOptions(0, false));
            assertTrue(result.changed(), result.toString());
            var after = new java.util.TreeSet<>(f.repository.packMaintenance().indexIds());
            assertTrue(after.containsAll(ofA), "host a's index file is untouched: " + ofA + " in " + after);
            assertEquals(3, before);
            assertEquals(1, result.indexFilesDeleted(), "only the first run of b listed dead blobs: " + result);
            assertEquals(
                    List.of(),
                    PruneCrashTest.walkAll(f.storage).values().stream()
                            .filter(n -> n == 0)
                            .toList());
            assertEquals(2, PruneCrashTest.walkAll(f.storage).size());
        }
    }

    @Test
    void unindexedPacksAreDeletedOnlyWhenAlreadyUnindexedAtThePreviousPrune() throws Exception {
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            // a "killed backup": packs published, no index file (tiny packs, an index bound never reached)
            Repository killed = Repository.open(
                    new LocalStorage(tmp.resolve("backup/repo")),
                    "secret".toCharArray(),
                    BackupFixture.cheapKdf()
                            .packTargetSize(1024)
                            .indexFlushEntries(1_000_000)
                            .build());
            BlobStore blobs = killed.openBlobStore(new MemoryBlobIndex());
            Random random = new Random(7);
            for (int i = 0; i < 3; i++) {
                byte[] junk = new byte[2048];
                random.nextBytes(junk);
                blobs.put(BlobType.DATA, junk);
            }
            TreeSet<PackId> unindexed =
                    new TreeSet<>(f.repository.packMaintenance().listPacks().keySet());
            assertEquals(3, unindexed.size());

            PruneResult first = Pruning.prune(f.repository, Pruning.DEFAULTS);
            assertEquals(0, first.unindexedDeleted());
            assertEquals(3, first.unindexedRemembered());
            assertEquals(
                    unindexed,
                    new TreeSet<>(f.repository.packMaintenance().listPacks().keySet()),
                    "first prune only remembers them");

            PruneResult second = Pruning.prune(f.repository, Pruning.DEFAULTS);
            assertEquals(3, second.unindexedDeleted());
            assertTrue(f.repository.packMaintenance().listPacks().isEmpty(), "second prune deletes them");
            assertEquals(1, f.repository.packMaintenance().indexIds().size(), "one final index file is left");
            PruneResult third = Pruning.prune(f.repository, Pruning.DEFAULTS);
            assertFalse(third.changed(), third.toString());

            // half-written files of killed writers: old ones go, a young one may be a lock being written now
            java.nio.file.Files.createDirectories(tmp.resolve("backup/repo/snapshots"));
            java.nio.file.Files.createDirectories(tmp.resolve("backup/repo/locks"));
            Path old = java.nio.file.Files.writeString(tmp.resolve("backup/repo/snapshots/.tmp-killed"), "x");
            java.nio.file.Files.setLastModifiedTime(
                    old,
                    java.nio.file.attribute.FileTime.from(
                            java.time.Instant.now().minus(java.time.Duration.ofHours(2))));
            Path young = java.nio.file.Files.writeString(tmp.resolve("backup/repo/locks/.tmp-writing"), "x");
            assertEquals(
                    0,
                    Pruning.prune(f.repository, new PruneOptions(0.05, true)).temporaryFilesRemoved(),
                    "a dry run removes nothing");
            assertEquals(1, Pruning.prune(f.repository, Pruning.DEFAULTS).temporaryFilesRemoved());
            assertFalse(java.nio.file.Files.exists(old));
            assertTrue(java.nio.file.Files.exists(young));
        }
    }

    @Test
    void aWaitingPruneRunsOnceTheBackupReleasesItsLock() throws Exception {
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            Repository mx2 = Repository.open(
                    f.storage,
                    "secret".toCharArray(),
                    BackupFixture.cheapKdf().hostname("mx2.example").pid(777).build());
            RepositoryLock backup = mx2.lockShared();
            java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
            AtomicReference<String> holder = new AtomicReference<>();
            CompletableFuture<PruneResult> prune = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Prune(f.repository, Pruning.DEFAULTS, new PruneProgress())
                            .run(java.time.Duration.ofMinutes(5), java.time.Duration.ofMillis(20), h -> {
                                holder.set(h);
                                waiting.countDown();
                            });
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            waiting.await();
            assertTrue(holder.get().contains("mx2.example"), holder.get());
            assertFalse(prune.isDone(), "it waits while the backup runs");
            try (RepositoryLock another = f.repository.lockShared()) {
                assertFalse(another.exclusive(), "a waiting prune holds no lock: backups still start");
            }
            backup.close();
            PruneResult result = prune.get(1, java.util.concurrent.TimeUnit.MINUTES);
            assertEquals(0, result.snapshots());
            assertTrue(f.repository.listLocks().isEmpty());

            try (RepositoryLock again = mx2.lockShared()) {
                assertThrows(
                        RepositoryLockedException.class,
                        () -> new Prune(f.repository, Pruning.DEFAULTS, new PruneProgress())
                                .run(java.time.Duration.ofMillis(50), java.time.Duration.ofMillis(10), h -> {}),
                        "gives up after the wait");
            }
        }
    }

    @Test
    void aBackupsSharedLockMakesPruneRefuseNamingTheHolderAndOtherBackupsGoOn() throws Exception {
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            Repository mx2 = Repository.open(
                    f.storage,
                    "secret".toCharArray(),
                    BackupFixture.cheapKdf().hostname("mx2.example").pid(777).build());
            List<ObjectInfo> before;
            try (RepositoryLock backup = mx2.lockShared()) {
                before = f.storage.list("");
                RepositoryLockedException refused = assertThrows(
                        RepositoryLockedException.class, () -> Pruning.prune(f.repository, Pruning.DEFAULTS));
                assertTrue(
                        refused.getMessage().contains("mx2.example")
                                && refused.getMessage().contains("777"),
                        refused.getMessage());
                assertEquals(before, f.storage.list(""), "the refused prune left nothing behind");
                try (RepositoryLock another = f.repository.lockShared()) {
                    assertFalse(another.exclusive(), "another host's backup still gets its shared lock");
                }
            }
        }
    }
}
