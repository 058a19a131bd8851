package org.mailsnap.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.PackId;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.IndexedBlob;
import org.mailsnap.repository.PackMaintenance;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.retention.Forget;
import org.mailsnap.retention.ForgetPlan;
import org.mailsnap.retention.GroupBy;
import org.mailsnap.retention.RetentionPolicy;

/**
 * The story the prune tests tell on any storage: three hourly snapshots of a generated store, the first holding a
 * message (X) with content of its own that is then deleted from the store; forget the first snapshot, prune with
 * every dead byte repacked; then every kept snapshot restores bit-exactly, X's blobs are in no pack and no index,
 * and X delivered again is stored again (the catalog never deduplicates against a pruned blob).
 */
final class PruneScenario {
    private final BackupFixture f;
    private final Path tmp;
    private final long seed;

    PruneScenario(BackupFixture f, Path tmp, long seed) {
        this.f = f;
        this.tmp = tmp;
        this.seed = seed;
    }

    void run() throws IOException {
        Path store = tmp.resolve("store");
        new StoreGenerator(StoreSpec.tiny().withSeed(seed), 2).generate(store);
        Path inbox = firstInbox(store);
        Path x = inbox.resolve("cur").resolve("1700000099.M99P99.prunetest:2,S");
        String xBody = randomText(new Random(seed), 300_000);
        Files.writeString(x, "Subject: only here " + seed + "\r\n\r\n" + xBody, StandardCharsets.UTF_8);
        StoreTree.Options exact = StoreTree.Options.exact().ignoringDirectoryMtimes();

        List<SnapshotId> snapshots = new ArrayList<>();
        List<StoreTree> moments = new ArrayList<>();
        for (int hour = 0; hour < 3; hour++) {
            if (hour == 1) {
                Files.delete(x);
            }
            if (hour > 0) {
                new ChurnSimulator(ChurnSpec.defaults().withSeed(seed + hour)).simulateHour(store);
            }
            ageDirectories(store);
            moments.add(StoreTree.capture(store, exact));
            BackupResult result = f.backup(store);
            assertFalse(result.partial(), result.problems().toString());
            snapshots.add(result.snapshotId());
        }
        Set<BlobId> xBlobs = contentOf(snapshots.get(0), x.getFileName().toString());
        assertTrue(xBlobs.size() >= 3, "X has a header and several body chunks: " + xBlobs.size());
        assertTrue(packedIds().containsAll(xBlobs), "X is stored before the prune");

        Forget forget = new Forget(f.repository, f.catalog.blobs());
        ForgetPlan plan = forget.plan(
                RetentionPolicy.of(2, 0, 0, 0, 0, 0, null, List.of()), GroupBy.HOST_PATH, ZoneOffset.UTC, null);
        assertEquals(
                List.of(snapshots.get(0)),
                plan.removed().stream().map(d -> d.snapshot().id()).toList());
        assertEquals(1, forget.run(plan, n -> {}).deleted());

        PruneResult dry = Pruning.prune(f.repository, new PruneOptions(0, true));
        assertFalse(dry.changed());
        assertTrue(packedIds().containsAll(xBlobs), "a dry run deletes nothing");

        PruneProgress progress = new PruneProgress();
        PruneResult result = Pruning.prune(f.repository, new PruneOptions(0, false), progress);
        assertTrue(result.changed(), result.toString());
        assertEquals(2, result.snapshots());
        assertTrue(result.packsRepacked() + result.packsDeleted() > 0, result.toString());
        assertEquals("done", progress.phase());

        Set<BlobId> packed = packedIds();
        for (BlobId id : xBlobs) {
            assertFalse(packed.contains(id), "X's blob " + id.shortHex() + " is gone from every pack");
        }
        Set<BlobId> indexed = indexedIds();
        for (BlobId id : xBlobs) {
            assertFalse(indexed.contains(id), "and from every index");
        }
        assertTrue(packed.containsAll(indexed), "every indexed blob is in a pack");
        PruneResult again = Pruning.prune(f.repository, new PruneOptions(0, false));
        assertFalse(again.changed(), "a second prune finds nothing: " + again);

        for (int i = 1; i < 3; i++) {
            Path target = tmp.resolve("restore-" + i);
            f.restore(snapshots.get(i), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(
                    List.of(),
                    moments.get(i).diff(StoreTree.capture(target, exact)),
                    "kept snapshot " + i + " restores its moment exactly after the prune");
        }

        // X back under its old name (an admin copies it back from elsewhere): the catalog knew X's blobs before the
        // prune and its content map still knows X's base; neither may be trusted for deleted blobs
        Path again2 = x;
        Files.writeString(again2, "Subject: only here " + seed + "\r\n\r\n" + xBody, StandardCharsets.UTF_8);
        ageDirectories(store);
        StoreTree last = StoreTree.capture(store, exact);
        BackupResult fourth = f.backup(store);
        assertFalse(fourth.partial(), fourth.problems().toString());
        assertTrue(packedIds().containsAll(xBlobs), "X's blobs are stored again");
        Path target = tmp.resolve("restore-after");
        f.restore(fourth.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
        assertEquals(List.of(), last.diff(StoreTree.capture(target, exact)));

        f.loseCatalog();
        Path fresh = tmp.resolve("restore-fresh");
        f.restore(snapshots.get(1), null, fresh, RestoreMode.EMPTY_TARGET);
        assertEquals(List.of(), moments.get(1).diff(StoreTree.capture(fresh, exact)), "and on a new machine");
    }

    private Set<BlobId> contentOf(SnapshotId snapshotId, String name) throws IOException {
        for (List<Placement> folder : f.placements(snapshotId).values()) {
            for (Placement p : folder) {
                if (p.name().equals(name)) {
                    Set<BlobId> ids = new HashSet<>(p.content().body());
                    ids.add(p.content().header());
                    return ids;
                }
            }
        }
        throw new AssertionError(name + " not in snapshot " + snapshotId);
    }

    private Set<BlobId> packedIds() throws IOException {
        PackMaintenance m = f.repository.packMaintenance();
        Set<BlobId> ids = new HashSet<>();
        for (PackId pack : m.listPacks().keySet()) {
            ids.addAll(f.repository.maintenance().readPackHeader(pack).blobs().stream()
                    .map(IndexedBlob::id)
                    .toList());
        }
        return ids;
    }

    private Set<BlobId> indexedIds() throws IOException {
        PackMaintenance m = f.repository.packMaintenance();
        Set<BlobId> ids = new HashSet<>();
        for (org.mailsnap.model.ObjectId index : m.indexIds()) {
            m.readIndex(index, (id, location) -> ids.add(id));
        }
        return ids;
    }

    static Path firstInbox(Path store) throws IOException {
        try (var walk = Files.walk(store)) {
            return walk.filter(p -> p.getFileName().toString().equals("cur") && Files.isDirectory(p))
                    .map(Path::getParent)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
    }

    static String randomText(Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(i % 76 == 75 ? '\n' : (char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    static void ageDirectories(Path store) throws IOException {
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        try (var dirs = Files.walk(store)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                Files.setLastModifiedTime(d, hourAgo);
            }
        }
    }
}
