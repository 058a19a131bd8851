package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.maildir.Mailbox;
import org.mailsnap.maildir.MailboxFinder;
import org.mailsnap.maildir.StoreLayout;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.RepositoryOptions;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.storage.FaultInjectingStorage.Operation;
import org.mailsnap.storage.FaultInjectingStorage.PutFailure;

/**
 * A backup killed at any write of the repository (before the object is published, or after: a crash between the
 * write and its acknowledgement) leaves no snapshot of its own, leaves every earlier snapshot restoring exactly, and
 * leaves a catalog from which the next run completes and restores exactly, also from the repository alone (catalog
 * deleted), which proves the run referenced no blob that was not published and indexed.
 *
 * <p>Small packs and frequent checkpoints give many failure points, including checkpoints already committed to the
 * catalog when the failure comes. One reader thread and a seeded repository make the puts of a run reproducible, so
 * the Nth put is the same write in every repetition.
 */
class CrashSafetyTest {
    @TempDir
    Path tmp;

    private long seed;
    private Path store;

    @BeforeEach
    void generate() throws IOException {
        seed = System.nanoTime();
        System.out.println("CrashSafetyTest seed " + seed);
        store = tmp.resolve("store");
        new StoreGenerator(
                        StoreSpec.tiny().toBuilder()
                                .seed(seed)
                                .mailboxes(2)
                                .messagesPerMailbox(10)
                                .attachmentMaxBytes(32 << 10)
                                .build(),
                        1)
                .generate(store);
    }

    @Test
    void initialBackupFailingAtAnyPutLeavesNoSnapshotAndTheRerunRestoresExactly() throws Exception {
        StoreTree moment = Trees.capture(store);
        int puts;
        try (BackupFixture reference = BackupFixture.withFaults(tmp.resolve("reference"), seed, options())) {
            reference.faults.resetCounts();
            reference.backup(settings());
            puts = reference.faults.count(Operation.PUT, "");
        }
        System.out.println("initial run: " + puts + " puts");
        Random random = new Random(seed);
        for (PutFailure how : PutFailure.values()) {
            for (int nth : failurePoints(puts, how, false, random)) {
                String what = "initial run, put " + nth + " of " + puts + " failing " + how;
                try (BackupFixture f =
                        BackupFixture.withFaults(tmp.resolve("initial-" + how + "-" + nth), seed, options())) {
                    f.faults.resetCounts();
                    f.faults.failPut(nth, how);
                    assertThrows(IOException.class, () -> f.backup(settings()), what + ": the run fails");
                    Set<SnapshotId> left = f.snapshotIds();
                    if (how == PutFailure.AFTER_PUBLISHING && nth == puts) {
                        // The snapshot object itself was written before the failure: it is complete.
                        assertEquals(1, left.size(), what);
                        assertRestores(f, left.iterator().next(), moment, what + ", the published snapshot");
                    } else {
                        assertEquals(Set.of(), left, what + ": no snapshot object");
                    }
                    BackupResult rerun = f.backup(settings());
                    assertFalse(rerun.partial(), what + ": " + rerun.problems());
                    f.loseCatalog();
                    assertRestores(f, rerun.snapshotId(), moment, what + ", the rerun from the repository alone");
                }
            }
        }
    }

    @Test
    void incrementalBackupFailingAtAnyPutLeavesThePreviousSnapshotExact() throws Exception {
        Path baseline = tmp.resolve("baseline");
        StoreTree before = Trees.capture(store);
        SnapshotId first;
        try (BackupFixture f = BackupFixture.withFaults(baseline, seed, options())) {
            first = f.backup(settings()).snapshotId();
        }
        churn(new Random(seed));
        StoreTree after = Trees.capture(store);
        int puts;
        Path reference = copy(baseline, tmp.resolve("reference"));
        try (BackupFixture f = BackupFixture.reopen(reference, seed, options())) {
            f.faults.resetCounts();
            f.backup(settings());
            puts = f.faults.count(Operation.PUT, "");
        }
        System.out.println("incremental run: " + puts + " puts");
        Random random = new Random(seed);
        for (PutFailure how : PutFailure.values()) {
            for (int nth : failurePoints(puts, how, true, random)) {
                String what = "incremental run, put " + nth + " of " + puts + " failing " + how;
                Path dir = copy(baseline, tmp.resolve("incremental-" + how + "-" + nth));
                try (BackupFixture f = BackupFixture.reopen(dir, seed, options())) {
                    f.faults.resetCounts();
                    f.faults.failPut(nth, how);
                    assertThrows(IOException.class, () -> f.backup(settings()), what + ": the run fails");
                    Set<SnapshotId> left = new TreeSet<>(f.snapshotIds());
                    left.remove(first);
                    if (how == PutFailure.AFTER_PUBLISHING && nth == puts) {
                        assertEquals(1, left.size(), what);
                        assertRestores(f, left.iterator().next(), after, what + ", the published snapshot");
                    } else {
                        assertEquals(Set.of(), left, what + ": no snapshot object besides the previous one");
                    }
                    assertRestores(f, first, before, what + ", the previous snapshot");
                    BackupResult rerun = f.backup(settings());
                    assertFalse(rerun.partial(), what + ": " + rerun.problems());
                    f.loseCatalog();
                    assertRestores(f, rerun.snapshotId(), after, what + ", the rerun from the repository alone");
                    assertRestores(f, first, before, what + ", the previous snapshot from the repository alone");
                }
            }
        }
    }

    /**
     * Before publishing: the last put (the snapshot object), the one before it (the last index file), one at random
     * (a pack, or an index file at a checkpoint), and in an incremental run also the first (the repository lock).
     * After publishing: the last, and one at random.
     */
    private static List<Integer> failurePoints(int puts, PutFailure how, boolean withFirst, Random random) {
        TreeSet<Integer> points = new TreeSet<>(List.of(puts, 2 + random.nextInt(Math.max(1, puts - 2))));
        if (how == PutFailure.BEFORE_PUBLISHING) {
            points.add(puts - 1);
            if (withFirst) {
                points.add(1);
            }
        }
        points.removeIf(n -> n < 1 || n > puts);
        return List.copyOf(points);
    }

    private void assertRestores(BackupFixture f, SnapshotId snapshotId, StoreTree expected, String what)
            throws IOException {
        Path target = Files.createTempDirectory(tmp, "restore");
        try {
            f.restore(snapshotId, null, target, RestoreMode.EMPTY_TARGET);
        } catch (IOException e) {
            throw new AssertionError(what + ": the restore failed: " + e, e);
        }
        assertEquals(List.of(), Trees.diff(expected, Trees.capture(target), p -> false), what);
    }

    /** New mail in every mailbox (new packs), a flag change and an expunge (new manifests). */
    private void churn(Random random) throws IOException {
        for (Mailbox mailbox : new MailboxFinder(StoreLayout.MAILDIR_PLUS_PLUS).find(store)) {
            Path root = mailbox.root();
            for (int i = 0; i < 4; i++) {
                byte[] noise = new byte[8 * 1024 + random.nextInt(16 * 1024)];
                random.nextBytes(noise);
                String message = "Subject: new " + i + "\r\n\r\n"
                        + Base64.getMimeEncoder().encodeToString(noise);
                Files.writeString(
                        root.resolve("new/1800000000.M" + i + "P" + random.nextInt(99_999) + ".churn"),
                        message,
                        StandardCharsets.US_ASCII);
            }
            List<Path> cur;
            try (Stream<Path> files = Files.list(root.resolve("cur"))) {
                cur = files.sorted().toList();
            }
            if (cur.size() < 2) {
                continue; // the generated mailbox has too few read messages for an expunge and a flag change
            }
            Files.delete(cur.get(0));
            String name = cur.get(1).getFileName().toString();
            Files.move(cur.get(1), cur.get(1).resolveSibling(name.contains(":2,") ? name + "T" : name + ":2,T"));
        }
    }

    private RepositoryOptions options() {
        // The same keys, so the same chunk boundaries and packs, in every repository of the test.
        return BackupFixture.cheapKdf()
                .random(new Random(seed))
                .packTargetSize(16 * 1024)
                .build();
    }

    private BackupSettings settings() {
        return BackupSettings.builder(store, "testhost")
                .threads(1)
                .checkpointMessages(6)
                .build();
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
        return to;
    }
}
