package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.Trees;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;

/**
 * Crash safety proven by killing a real process: the CLI runs as a child JVM, stops at a chosen write of the
 * repository ({@code MAILSNAP_CRASH_AT}, counted by the storage, not by time), and gets {@code SIGKILL} there. After
 * every kill: {@code check --read-data} finds no damage; every snapshot that existed before restores exactly; a
 * snapshot the killed run left is complete and restores exactly; the next run succeeds, its snapshot restores
 * exactly, and {@code check --read-data} is still clean. Kill points: before and after every
 * write of an initial backup and of an hourly backup after churn (small packs and frequent checkpoints give many
 * writes).
 */
class KillHarnessTest {
    @TempDir
    Path tmp;

    private Path store;
    private long seed;

    @Test
    void killedAtEveryWriteOfAnInitialAndAnHourlyBackupLosesNothing() throws Exception {
        seed = System.nanoTime();
        System.out.println("KillHarnessTest seed " + seed);
        store = tmp.resolve("store");
        new StoreGenerator(
                        StoreSpec.tiny().toBuilder()
                                .seed(seed)
                                .mailboxes(4)
                                .messagesPerMailbox(5)
                                .attachmentMaxBytes(24 << 10)
                                .build(),
                        1)
                .generate(store);
        Path empty = Files.createDirectories(tmp.resolve("state-empty"));
        CliRun init = inProcess(empty, "init");
        assertEquals(0, init.code(), init.err());

        StoreTree initialMoment = Trees.capture(store);
        int initialPoints = killEverywhere("initial", empty, Map.of(), initialMoment);

        Path afterFirst = copy(empty, tmp.resolve("state-first"));
        CrashedRuns.Child first = CrashedRuns.run(afterFirst, null, backup());
        assertEquals(0, first.code(), first.err());
        Map<String, StoreTree> before = Map.of(onlySnapshot(afterFirst), initialMoment);

        // a busy hour for a small store: every kind of change, and deliveries that the run must store
        ChurnSpec busy = ChurnSpec.defaults().toBuilder()
                .seed(seed)
                .flagChangeShare(0.3)
                .keywordChangeShare(0.1)
                .pickupShare(0.3)
                .moveShare(0.15)
                .copyShare(0.1)
                .expungeShare(0.1)
                .deliveryShare(0.3)
                .build();
        System.out.println("hour: " + new ChurnSimulator(busy).simulateHour(store));
        CrashedRuns.ageDirectories(store);
        int hourlyPoints = killEverywhere("hourly", afterFirst, before, Trees.capture(store));
        // How many writes a run makes varies with the store's seed and with the repository's own random chunker seed
        // (how bodies cut decides how full each pack gets): 15-17 for the initial run and 9-17 for the hour have been
        // seen, two kill points each. The floors catch a harness that stops either run at a handful of points, not
        // that variance.
        assertTrue(initialPoints >= 20, initialPoints + " kill points in the initial backup");
        assertTrue(hourlyPoints >= 10, hourlyPoints + " kill points in the hourly backup");
    }

    /**
     * Kills a backup of the store from {@code baseline} before and after each of its writes.
     *
     * @param earlier the snapshots in the baseline with the store moment each must restore to
     * @return how many kill points were exercised
     */
    private int killEverywhere(String label, Path baseline, Map<String, StoreTree> earlier, StoreTree now)
            throws Exception {
        int writes = CrashedRuns.count(copy(baseline, tmp.resolve(label + "-count")), backup())
                .size();
        int points = 0;
        for (int write = 1; write <= writes; write++) {
            for (String point : List.of(Integer.toString(write), write + "+")) {
                Path state = copy(baseline, tmp.resolve(label + "-" + point));
                String reached = CrashedRuns.killAt(state, point, backup());
                verifyAfterKill(label + " killed at " + point + " (" + reached + ")", state, earlier, now);
                deleteTree(state);
                points++;
            }
        }
        System.out.println(label + ": " + writes + " writes, " + points + " kill points");
        return points;
    }

    private void verifyAfterKill(String what, Path state, Map<String, StoreTree> earlier, StoreTree now)
            throws Exception {
        assertChecksClean(what, state);
        NavigableSet<String> ids = snapshotIds(state);
        assertTrue(ids.containsAll(earlier.keySet()), what + ": an earlier snapshot is gone: " + ids);
        for (Map.Entry<String, StoreTree> e : earlier.entrySet()) {
            assertRestores(what, state, e.getKey(), e.getValue());
        }
        for (String left : ids) {
            if (!earlier.containsKey(left)) {
                assertRestores(what + ", the killed run's own snapshot", state, left, now);
            }
        }
        CrashedRuns.Child next = CrashedRuns.run(state, null, backup());
        assertEquals(0, next.code(), what + ": the next run fails: " + next.err());
        NavigableSet<String> after = snapshotIds(state);
        after.removeAll(ids);
        assertEquals(1, after.size(), what + ": the next run's snapshot");
        assertRestores(what + ", the next run", state, after.first(), now);
        assertChecksClean(what + ", after the next run", state);
    }

    /** {@code check --read-data}: no damage (what a kill leaves, such as unindexed packs, is listed as leftovers). */
    private void assertChecksClean(String what, Path state) {
        CliRun check = inProcess(state, "check", "--read-data");
        assertEquals(0, check.code(), what + ": check --read-data found damage:\n" + check.out() + check.err());
    }

    private void assertRestores(String what, Path state, String snapshotId, StoreTree expected) throws IOException {
        Path target = tmp.resolve("restore-" + System.nanoTime());
        CliRun restore = inProcess(state, "restore", "--snapshot", snapshotId, "--target", target.toString());
        assertEquals(0, restore.code(), what + ": restore of " + snapshotId + ": " + restore.err());
        assertEquals(
                List.of(),
                Trees.diff(expected, Trees.capture(target), p -> false),
                what + ": snapshot " + snapshotId + " does not restore the store as it was (seed " + seed + ")");
        deleteTree(target);
    }

    private List<String> backup() {
        return List.of("backup", store.toString(), "--lock", "none", "--checkpoint", "1", "--threads", "1");
    }

    private static CliRun inProcess(Path state, String... args) {
        return CrashedRuns.inProcess(state, args);
    }

    private String onlySnapshot(Path state) throws IOException {
        NavigableSet<String> ids = snapshotIds(state);
        assertEquals(1, ids.size(), ids.toString());
        return ids.first();
    }

    private static NavigableSet<String> snapshotIds(Path state) throws IOException {
        return CrashedRuns.snapshotIds(state);
    }

    private static Path copy(Path from, Path to) throws IOException {
        return CrashedRuns.copy(from, to);
    }

    private static void deleteTree(Path root) throws IOException {
        CrashedRuns.deleteTree(root);
    }
}
