package org.mailsnap.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.catalog.CatalogCorruptException;
import org.mailsnap.catalog.DamagedBlob;
import org.mailsnap.history.DamagedSnapshot;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.DamagedSources;

/**
 * The compact collector gives exactly the figures of the plain one ({@link StatsOracle}) on a history with list mail
 * shared by mailboxes, churn, a message copied into another mailbox and blobs the index no longer knows, for the
 * whole repository and for each mailbox; and its tables take the bytes per blob its package doc states.
 */
class StatsCollectorTest {
    @TempDir
    Path tmp;

    @Test
    void agreesWithThePlainCollectorOnAHistoryWithSharingChurnAndMissingBlobs() throws Exception {
        long seed = System.nanoTime();
        System.out.println("StatsCollectorTest seed " + seed);
        try (BackupFixture f = new BackupFixture(tmp.resolve("f"))) {
            Path store = tmp.resolve("store");
            new StoreGenerator(StoreSpec.tiny().withSeed(seed), 2).generate(store);
            List<String> mailboxes = mailboxes(store);
            List<SnapshotId> snapshots = new ArrayList<>();
            snapshots.add(f.backup(store).snapshotId());
            for (int hour = 1; hour <= 3; hour++) {
                new ChurnSimulator(ChurnSpec.defaults().withSeed(seed + hour)).simulateHour(store);
                if (hour == 2) { // the same file in a second mailbox: its blobs become shared at the third snapshot
                    copyOneMessage(store.resolve(mailboxes.get(0)), store.resolve(mailboxes.get(1)));
                }
                snapshots.add(f.backup(store).snapshotId());
            }
            // Two message blobs the local index no longer knows (as after damage): referenced, counted, no bytes.
            List<Placement> first = f.placements(snapshots.get(0)).values().stream()
                    .flatMap(List::stream)
                    .toList();
            f.catalog
                    .blobs()
                    .markDamaged(List.of(
                            new DamagedBlob(first.get(0).content().header(), null, "lost"),
                            new DamagedBlob(first.get(1).content().header(), null, "lost")));

            List<String> asked = new ArrayList<>(mailboxes);
            asked.add(null);
            asked.add("example.org/nobody");
            for (String mailbox : asked) {
                StatsCollector compact = collector(f);
                RepositoryStats expected = oracle(f).collect(mailbox);
                assertEquals(expected, compact.collect(mailbox), "mailbox " + mailbox);
                long indexed = f.catalog.blobs().size();
                System.out.println("stats tables: " + compact.tableBytes() + " bytes for " + indexed
                        + " indexed blobs (mailbox " + mailbox + ")");
                assertTrue(
                        compact.tableBytes() <= 16 * indexed + 2048,
                        "about (8 + 4 + 2/8) / 0.8 ≈ 15.3 bytes a" + " blob, plus the shared pairs: "
                                + compact.tableBytes() + " for " + indexed + " blobs");
            }
            RepositoryStats all = collector(f).collect(null);
            assertTrue(
                    all.sharedBlobs() > 0 && all.sharingSavedBytes() > 0, "list mail and the copy are shared: " + all);
            assertTrue(all.grownBytes() > 0, all.toString());
        }
    }

    @Test
    void skipsASnapshotTheRepositoryGivesBackDamagedButNotTheCatalogsDamage() throws Exception {
        try (BackupFixture f = new BackupFixture(tmp.resolve("f"))) {
            SnapshotId id = f.backupOneMessage(tmp.resolve("store"));
            SnapshotHistory history = SnapshotHistory.load(f.repository, f.catalog);

            BlobSource damagedPack = DamagedSources.repository();
            RepositoryStats stats =
                    new StatsCollector(f.repository, history, damagedPack, f.catalog.blobs(), 1).collect(null);
            assertEquals(
                    List.of(id),
                    stats.skipped().stream().map(DamagedSnapshot::id).toList());

            BlobSource damagedCatalog = DamagedSources.catalog(tmp.resolve("catalog"));
            StatsCollector collector = new StatsCollector(f.repository, history, damagedCatalog, f.catalog.blobs(), 1);
            assertThrows(CatalogCorruptException.class, () -> collector.collect(null));
        }
    }

    private static StatsCollector collector(BackupFixture f) throws IOException {
        SnapshotHistory history = SnapshotHistory.load(f.repository, f.catalog);
        BlobStore blobs = f.repository.openBlobStore(f.catalog.blobs());
        return new StatsCollector(
                f.repository,
                history,
                blobs::get,
                f.catalog.blobs(),
                f.catalog.blobs().size());
    }

    private static StatsOracle oracle(BackupFixture f) throws IOException {
        SnapshotHistory history = SnapshotHistory.load(f.repository, f.catalog);
        BlobStore blobs = f.repository.openBlobStore(f.catalog.blobs());
        return new StatsOracle(f.repository, history, blobs::get, f.catalog.blobs());
    }

    private static void copyOneMessage(Path from, Path to) throws IOException {
        try (var files = Files.list(from.resolve("cur"))) {
            Path message = files.sorted().findFirst().orElseThrow();
            Files.copy(message, to.resolve("cur").resolve("1700000777.M777P7.copied:2,S"));
        }
    }

    private static List<String> mailboxes(Path store) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (var dirs = Files.walk(store)) {
            dirs.filter(d -> Files.isDirectory(d.resolve("cur"))
                            && !d.getFileName().toString().startsWith("."))
                    .forEach(d -> names.add(store.relativize(d).toString()));
        }
        return new ArrayList<>(names);
    }
}
