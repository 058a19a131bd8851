package org.mailsnap.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.Backup;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.backup.BackupProgress;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.backup.BackupSettings;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.check.CheckResult;
import org.mailsnap.check.Checker;
import org.mailsnap.check.DataSelection;
import org.mailsnap.history.CatalogSync;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.maildir.CountingMessageFiles;
import org.mailsnap.maildir.lock.FolderLocker;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.PackId;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.IndexedBlob;
import org.mailsnap.repository.PackMaintenance;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryLockedException;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreRequest;
import org.mailsnap.restore.Restorer;
import org.mailsnap.retention.Forget;
import org.mailsnap.retention.ForgetPlan;
import org.mailsnap.retention.GroupBy;
import org.mailsnap.retention.RetentionPolicy;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.storage.PausingStorage;
import org.mailsnap.storage.s3.S3Storage;
import org.mailsnap.storage.s3.S3TestServer;

/**
 * Two mail servers sharing one repository on a real S3 server (s3proxy on loopback), each with its own catalog and
 * its own S3 client, their runs made to overlap by latches and barriers (never by timing):
 * <ol>
 *   <li>both back up at once (each held before its first pack until the other is there too); check --read-data,
 *       and its two halves, are clean; every snapshot of either host restores exactly through either catalog;</li>
 *   <li>while mx1's next backup is held in its middle, mx2 forgets and prunes: the prune refuses naming mx1's
 *       lock, then waits; mx1's backup finishes, and the prune then deletes a message's blobs that only a forgotten
 *       snapshot of mx1 held;</li>
 *   <li>that message back in mx1's store: mx1's catalog, which knew the deleted blobs and took no part in the
 *       prune, stores it again instead of deduplicating against them; every kept snapshot restores exactly and
 *       check --read-data is clean.</li>
 * </ol>
 */
class TwoHostsOnS3Test {
    private static final char[] PASSWORD = "secret".toCharArray();
    private static final StoreTree.Options EXACT = StoreTree.Options.exact().ignoringDirectoryMtimes();
    private static S3TestServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws Exception {
        server = S3TestServer.start();
        server.createBucket("twohosts");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** One mail server: its store, its S3 client (pausable), its view of the repository and its catalog. */
    private final class Host implements AutoCloseable {
        final String name;
        final Path store;
        final PausingStorage storage;
        final Repository repository;
        final Catalog catalog;
        final List<StoreTree> moments = new ArrayList<>();
        final List<SnapshotId> snapshots = new ArrayList<>();

        Host(String name, long pid, long seed, boolean init) throws IOException {
            this.name = name;
            this.store = tmp.resolve(name).resolve("store");
            new StoreGenerator(
                            StoreSpec.tiny().toBuilder()
                                    .mailboxes(2)
                                    .messagesPerMailbox(20)
                                    .seed(seed)
                                    .build(),
                            1)
                    .generate(store);
            this.storage = new PausingStorage(S3Storage.open(server.settings("twohosts", "repo")));
            var options = BackupFixture.cheapKdf()
                    .packTargetSize(16 * 1024)
                    .hostname(name)
                    .pid(pid)
                    .build();
            this.repository =
                    init ? Repository.init(storage, PASSWORD, options) : Repository.open(storage, PASSWORD, options);
            this.catalog = Catalog.open(
                    tmp.resolve(name).resolve("catalog"), repository.config().repositoryId());
        }

        BackupResult backup() throws IOException {
            PruneScenario.ageDirectories(store);
            StoreTree moment = StoreTree.capture(store, EXACT);
            BackupResult result = new Backup(
                            repository, catalog, new CountingMessageFiles(), FolderLocker.none(), Clock.systemUTC())
                    .run(BackupSettings.builder(store, name).threads(1).build(), new BackupProgress());
            assertFalse(result.partial(), name + ": " + result.problems());
            moments.add(moment);
            snapshots.add(result.snapshotId());
            return result;
        }

        CompletableFuture<BackupResult> backupInBackground() {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return backup();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }

        /** Restores {@code owner}'s snapshot number {@code n} through this host's catalog and compares. */
        void assertRestores(Host owner, int n) throws IOException {
            Path target = tmp.resolve("restore-" + owner.name + "-" + n + "-via-" + name + "-" + System.nanoTime());
            SnapshotHistory history = SnapshotHistory.load(repository, catalog);
            var snapshot = history.open(history.byId(owner.snapshots.get(n)));
            CatalogSync.blobIndex(repository, catalog);
            var blobs = repository.openBlobStore(catalog.blobs());
            var result = new Restorer(blobs::get, 2)
                    .restore(snapshot, new RestoreRequest(null, null, null, target, RestoreMode.EMPTY_TARGET));
            assertFalse(result.partial(), result.toString());
            assertEquals(
                    List.of(),
                    owner.moments.get(n).diff(StoreTree.capture(target, EXACT)),
                    owner.name + "'s snapshot " + n + " restored through " + name + "'s catalog");
        }

        CheckResult check(DataSelection data) throws IOException {
            try (CatalogReader reader = catalog.read()) {
                CheckResult r = new Checker(repository, data, reader::message).run();
                r.damage().forEach(d -> System.out.println("  damage: " + d));
                return r;
            }
        }

        Set<BlobId> contentOf(int n, String fileName) throws IOException {
            SnapshotHistory history = SnapshotHistory.load(repository, catalog);
            var snapshot = history.open(history.byId(snapshots.get(n)));
            var blobs = repository.openBlobStore(catalog.blobs());
            Set<BlobId> ids = new HashSet<>();
            ChunkCursor.tree(snapshot.tree(), blobs::get)
                    .forEachRemaining(folder -> ChunkCursor.manifest(folder.manifest(), blobs::get)
                            .forEachRemaining((Placement p) -> {
                                if (p.name().equals(fileName)) {
                                    ids.addAll(p.content().body());
                                    ids.add(p.content().header());
                                }
                            }));
            assertFalse(ids.isEmpty(), fileName + " is in " + name + "'s snapshot " + n);
            return ids;
        }

        @Override
        public void close() throws IOException {
            catalog.close();
            repository.close();
            storage.close();
        }
    }

    private static Set<BlobId> packed(Repository repository) throws IOException {
        PackMaintenance m = repository.packMaintenance();
        Set<BlobId> ids = new HashSet<>();
        for (PackId pack : m.listPacks().keySet()) {
            ids.addAll(repository.maintenance().readPackHeader(pack).blobs().stream()
                    .map(IndexedBlob::id)
                    .toList());
        }
        return ids;
    }

    @Test
    void twoHostsBackUpAtOnceThenOnePrunesWhileTheOtherBacksUp() throws Exception {
        long seed = System.nanoTime();
        System.out.println("TwoHostsOnS3Test seed " + seed);
        try (Host mx1 = new Host("mx1", 1111, seed, true);
                Host mx2 = new Host("mx2", 2222, seed + 1, false)) {
            Path x = PruneScenario.firstInbox(mx1.store).resolve("cur").resolve("1700000099.M99P99.mx1:2,S");
            String xMessage =
                    "Subject: only on mx1 " + seed + "\r\n\r\n" + PruneScenario.randomText(new Random(seed), 200_000);
            Files.writeString(x, xMessage, StandardCharsets.UTF_8);

            // 1. both back up at once: each waits before its first pack for the other to be that far too
            CyclicBarrier bothRunning = new CyclicBarrier(2);
            mx1.storage.pauseAtNextPut("data/", () -> bothRunning.await(1, TimeUnit.MINUTES));
            mx2.storage.pauseAtNextPut("data/", () -> bothRunning.await(1, TimeUnit.MINUTES));
            var first1 = mx1.backupInBackground();
            var first2 = mx2.backupInBackground();
            first1.get(2, TimeUnit.MINUTES);
            first2.get(2, TimeUnit.MINUTES);
            assertEquals(0, bothRunning.getNumberWaiting());
            assertFalse(bothRunning.isBroken(), "both runs met in their middle");

            CheckResult clean = mx1.check(DataSelection.ALL);
            assertTrue(clean.clean(), clean.damage().toString());
            assertEquals(2, clean.stats().snapshots());
            assertEquals(clean.stats().blobs(), clean.stats().blobsRead(), "--read-data reads every blob");
            int halves = 0;
            for (int n = 1; n <= 2; n++) {
                CheckResult half = mx2.check(DataSelection.parse(n + "/2", new Random(seed)));
                assertTrue(half.clean(), half.damage().toString());
                halves += half.stats().packsRead();
            }
            assertEquals(clean.stats().packs(), halves, "--read-data-subset 1/2 and 2/2 read every pack once");
            for (Host via : List.of(mx1, mx2)) {
                via.assertRestores(mx1, 0);
                via.assertRestores(mx2, 0);
            }

            // x leaves mx1's store; only mx1's first snapshot holds it
            Set<BlobId> xBlobs = mx1.contentOf(0, x.getFileName().toString());
            Files.delete(x);
            mx1.backup();

            // 2. mx1's third backup is held in its middle (its shared lock taken) while mx2 forgets and prunes
            Files.writeString(
                    PruneScenario.firstInbox(mx1.store).resolve("new").resolve("1700000100.M1P1.mx1"),
                    "Subject: arrives during the prune\r\n\r\n"
                            + PruneScenario.randomText(new Random(seed + 2), 40_000),
                    StandardCharsets.UTF_8);
            CountDownLatch mx1Paused = new CountDownLatch(1);
            CountDownLatch mx1Go = new CountDownLatch(1);
            mx1.storage.pauseAtNextPut("data/", () -> {
                mx1Paused.countDown();
                mx1Go.await();
            });
            var third1 = mx1.backupInBackground();
            assertTrue(mx1Paused.await(2, TimeUnit.MINUTES), "mx1's backup reached its first pack");

            Forget forget = new Forget(mx2.repository, mx2.catalog.blobs());
            ForgetPlan plan = forget.plan(
                    RetentionPolicy.of(1, 0, 0, 0, 0, 0, null, List.of()), GroupBy.HOST_PATH, ZoneOffset.UTC, null);
            assertEquals(
                    List.of(mx1.snapshots.get(0)),
                    plan.removed().stream().map(d -> d.snapshot().id()).toList(),
                    "forget (a shared lock) runs beside the backup; mx1's first snapshot goes");
            assertEquals(1, forget.run(plan, n -> {}).deleted());

            RepositoryLockedException refused = assertThrows(
                    RepositoryLockedException.class, () -> Pruning.prune(mx2.repository, new PruneOptions(0, false)));
            assertTrue(
                    refused.getMessage().contains("mx1") && refused.getMessage().contains("1111"),
                    "the refusal names the holder: " + refused.getMessage());
            assertTrue(packed(mx2.repository).containsAll(xBlobs), "the refused prune deleted nothing");

            CountDownLatch pruneWaits = new CountDownLatch(1);
            var prune = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Prune(mx2.repository, new PruneOptions(0, false), new PruneProgress())
                            .run(Duration.ofMinutes(5), Duration.ofMillis(20), holder -> {
                                assertTrue(holder.contains("mx1"), holder);
                                pruneWaits.countDown();
                            });
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertTrue(pruneWaits.await(2, TimeUnit.MINUTES), "the prune waits for mx1's lock");
            assertFalse(third1.isDone(), "mx1's backup is still held");
            mx1Go.countDown();
            third1.get(2, TimeUnit.MINUTES);
            PruneResult pruned = prune.get(2, TimeUnit.MINUTES);
            assertTrue(pruned.changed(), pruned.toString());
            assertEquals(3, pruned.snapshots(), "mx1's last two and mx2's one");
            Set<BlobId> afterPrune = packed(mx2.repository);
            for (BlobId id : xBlobs) {
                assertFalse(afterPrune.contains(id), "x's blob " + id.shortHex() + " was pruned");
            }

            // 3. x comes back to mx1's store: mx1's catalog knew its blobs, which are gone; it stores x again
            Files.writeString(x, xMessage, StandardCharsets.UTF_8);
            BackupResult fourth = mx1.backup();
            assertTrue(fourth.progress().messagesRead.get() >= 1, "x is read again");
            assertTrue(packed(mx1.repository).containsAll(xBlobs), "x's blobs are stored again");
            mx2.backup();

            CheckResult after = mx2.check(DataSelection.ALL);
            assertTrue(after.clean(), after.damage().toString());
            assertEquals(List.of(), after.leftovers(), "nothing left behind by either host");
            for (Host via : List.of(mx1, mx2)) {
                for (int n = 1; n < mx1.snapshots.size(); n++) {
                    via.assertRestores(mx1, n);
                }
                for (int n = 0; n < mx2.snapshots.size(); n++) {
                    via.assertRestores(mx2, n);
                }
            }
        }
    }
}
