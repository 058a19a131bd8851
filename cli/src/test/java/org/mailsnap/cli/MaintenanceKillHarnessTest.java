package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.Trees;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;

/**
 * {@code forget}, {@code forget --keep-deleted-within}, {@code forget --mailbox}, {@code prune} and {@code repair}
 * killed with SIGKILL between the steps of format-spec/operations.md (see {@link KillHarnessTest} for backups). The points are chosen from a counted run's writes: after the first,
 * the last but one and the last write of each step (lock, snapshot deletions; repacked packs, new index files, the
 * final index file, index deletions, pack deletions; repair's index files and its final one), so every step is met
 * begun, nearly done and done, without a run per write.
 *
 * <p>After each kill, as an admin would after a crash: {@code unlock --remove-all} (the killed process is gone; its
 * lock would otherwise hold off the next exclusive run for 30 minutes), then {@code check --read-data} finds no
 * damage (for repair: no damage that was not there before it ran), every snapshot left restores the store as it
 * was when taken, the same command run again completes, and {@code check --read-data} is clean. For the forget that
 * writes a deleted-mail ledger (ledger chunks, the newest snapshot's replacement, its deletion, then the removed
 * snapshots), also: the messages that left their folders are all still reachable, in a snapshot or in the ledger.
 */
class MaintenanceKillHarnessTest {
    @TempDir
    Path tmp;

    private long seed;
    private Path store;

    @Test
    void killedBetweenTheStepsOfForgetPruneAndRepairLosesNothing() throws Exception {
        seed = System.nanoTime();
        System.out.println("MaintenanceKillHarnessTest seed " + seed);
        store = tmp.resolve("store");
        new StoreGenerator(
                        StoreSpec.tiny().toBuilder()
                                .seed(seed)
                                .mailboxes(3)
                                .messagesPerMailbox(6)
                                .attachmentMaxBytes(24 << 10)
                                .build(),
                        1)
                .generate(store);
        Path threeSnapshots = Files.createDirectories(tmp.resolve("state-three"));
        assertOk(CrashedRuns.inProcess(threeSnapshots, "init"));
        // three snapshots of a store losing and gaining mail: forgetting two leaves dead blobs in shared packs
        Map<String, StoreTree> moments = new LinkedHashMap<>();
        ChurnSpec expunging = ChurnSpec.defaults().toBuilder()
                .seed(seed)
                .expungeShare(0.4)
                .deliveryShare(0.3)
                .flagChangeShare(0.2)
                .build();
        for (int hour = 0; hour < 3; hour++) {
            if (hour > 0) {
                new ChurnSimulator(expunging.toBuilder().seed(seed + hour).build()).simulateHour(store);
                CrashedRuns.ageDirectories(store);
            }
            NavigableSet<String> before = CrashedRuns.snapshotIds(threeSnapshots);
            assertOk(CrashedRuns.inProcess(
                    threeSnapshots, "backup", store.toString(), "--lock", "none", "--checkpoint", "1"));
            NavigableSet<String> after = CrashedRuns.snapshotIds(threeSnapshots);
            after.removeAll(before);
            moments.put(after.first(), Trees.capture(store));
        }
        List<String> newest = List.of(new ArrayList<>(moments.keySet()).get(2));

        int points = killBetweenSteps(
                "forget",
                threeSnapshots,
                List.of("forget", "--keep-last", "1"),
                new Expected(moments, newest, null, false),
                false);

        // the ledger is written onto the newest snapshot before any snapshot is deleted: wherever the kill lands,
        // every placement that left its folder is in a snapshot still present or in the ledger
        List<String> keepDeleted = List.of("forget", "--keep-last", "1", "--keep-deleted-within", "1y");
        long gone = ledgerMessages(threeSnapshots, keepDeleted);
        assertTrue(gone > 0, "the churn expunged mail between the snapshots");
        points += killBetweenSteps(
                "forget --keep-deleted-within",
                threeSnapshots,
                keepDeleted,
                new Expected(moments, List.of(), null, true),
                false,
                state -> assertEquals(
                        gone,
                        ledgerMessages(state, keepDeleted),
                        state.getFileName() + ": every gone message is still reachable"));

        Path forgotten = CrashedRuns.copy(threeSnapshots, tmp.resolve("state-forgotten"));
        assertOk(CrashedRuns.inProcess(forgotten, "forget", "--keep-last", "1"));
        // the newest snapshot, or its replacement without the mailbox: never both, never neither
        String departed = aMailbox(store);
        points += killBetweenSteps(
                "forget --mailbox",
                forgotten,
                List.of("forget", "--mailbox", departed),
                new Expected(moments, List.of(), departed, true),
                false);
        points += killBetweenSteps(
                "prune",
                forgotten,
                List.of("prune", "--max-unused", "0%"),
                new Expected(moments, newest, null, false),
                false);

        Path damaged = CrashedRuns.copy(forgotten, tmp.resolve("state-damaged"));
        assertOk(CrashedRuns.inProcess(damaged, "prune", "--max-unused", "0%"));
        flipAByteOfEachIndexFile(damaged);
        points += killBetweenSteps(
                "repair", damaged, List.of("repair"), new Expected(moments, newest, null, false), true);
        System.out.println("forget, prune, repair: " + points + " kill points");
    }

    /**
     * What the snapshots left after a kill must restore.
     *
     * @param moments  every snapshot the baseline may hold, with the store as it was when taken
     * @param mustStay snapshots that every kill must leave
     * @param removed  the mailbox a {@code forget --mailbox} removes (null for other runs): the replacement of the
     *                 newest restores its moment without that mailbox, and exactly one snapshot is left
     * @param replacesNewest the run replaces the newest snapshot ({@code forget --mailbox}, or a forget writing the
     *                 deleted-mail ledger): a snapshot not in {@code moments} is its replacement, which restores
     *                 the newest moment (less {@code removed}), and exactly one of the two is left
     */
    private record Expected(
            Map<String, StoreTree> moments, List<String> mustStay, String removed, boolean replacesNewest) {}

    /** How many messages a deleted-mail ledger would keep, as {@code forget --dry-run --json} counts them. */
    @SuppressWarnings("unchecked")
    private static long ledgerMessages(Path state, List<String> forget) {
        List<String> args = new ArrayList<>(forget);
        args.addAll(List.of("--dry-run", "--json"));
        CliRun dry = CrashedRuns.inProcess(state, args.toArray(String[]::new));
        assertEquals(0, dry.code(), dry.out() + dry.err());
        List<Map<String, Object>> ledgers =
                (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(dry.out())).get("deletedMail");
        assertEquals(1, ledgers.size(), dry.out());
        return ((Number) ledgers.get(0).get("messages")).longValue();
    }

    /** An assertion on the state a kill (and then the run again) left. */
    @FunctionalInterface
    private interface StateCheck {
        void check(Path state) throws Exception;
    }

    /**
     * Kills {@code args} on a copy of {@code baseline} at each step boundary and checks what is left.
     *
     * @param repairing the baseline is damaged on purpose: check may report that damage until the run completes,
     *                  but never more of it
     * @return how many kill points were exercised
     */
    private int killBetweenSteps(String label, Path baseline, List<String> args, Expected expected, boolean repairing)
            throws Exception {
        return killBetweenSteps(label, baseline, args, expected, repairing, state -> {});
    }

    private int killBetweenSteps(
            String label, Path baseline, List<String> args, Expected expected, boolean repairing, StateCheck more)
            throws Exception {
        List<String> damageBefore = damage(check(baseline));
        assertEquals(repairing, !damageBefore.isEmpty(), label + ": damage before: " + damageBefore);
        Path counted = CrashedRuns.copy(baseline, tmp.resolve(label + "-count"));
        List<CrashedRuns.Write> writes = CrashedRuns.count(counted, args);
        more.check(counted);
        List<String> points = CrashedRuns.stepBoundaries(writes);
        System.out.println(label + ": writes " + writes + ", kill points " + points);
        for (String point : points) {
            Path state = CrashedRuns.copy(baseline, tmp.resolve(label + "-" + point));
            String what = label + " killed at " + point + " (" + CrashedRuns.killAt(state, point, args) + ")";
            assertOk(CrashedRuns.inProcess(state, "unlock", "--remove-all"));
            List<String> damageNow = damage(check(state));
            assertTrue(damageBefore.containsAll(damageNow), what + ": new damage " + damageNow);
            if (!repairing) {
                assertRestoresAll(what, state, expected);
            }
            more.check(state);
            CliRun again = CrashedRuns.inProcess(state, args.toArray(String[]::new));
            assertEquals(0, again.code(), what + ": the run again: " + again.out() + again.err());
            CliRun after = check(state);
            assertEquals(0, after.code(), what + ", run again: check --read-data: " + after.out() + after.err());
            assertRestoresAll(what + ", run again", state, expected);
            more.check(state);
            CrashedRuns.deleteTree(state);
        }
        return points.size();
    }

    private static CliRun check(Path state) {
        return CrashedRuns.inProcess(state, "check", "--read-data");
    }

    /**
     * The objects named under "damage:" in check's report ({@code index 3f2a…}, {@code # blobs}: counts vary while a
     * repair proceeds, so digits are not compared).
     */
    private static List<String> damage(CliRun check) {
        List<String> found = new ArrayList<>();
        boolean in = false;
        for (String line : check.out().split("\n")) {
            if (!line.startsWith("  ")) {
                in = line.equals("damage:");
            } else if (in && !line.startsWith("   ")) {
                String object = line.strip().split(":", 2)[0];
                found.add(object.matches("\\d+ blobs") ? "# blobs" : object);
            }
        }
        assertEquals(found.isEmpty(), check.code() == 0, check.out() + check.err());
        return found;
    }

    /** The snapshots as readers see them (a superseded one left by a kill is not among them). */
    @SuppressWarnings("unchecked")
    private static NavigableSet<String> listed(Path state) {
        CliRun list = CrashedRuns.inProcess(state, "snapshots", "--json");
        assertEquals(0, list.code(), list.err());
        TreeSet<String> ids = new TreeSet<>();
        for (Object row : (List<Object>) ((Map<String, Object>) Json.parse(list.out())).get("snapshots")) {
            ids.add((String) ((Map<String, Object>) row).get("id"));
        }
        return ids;
    }

    private void assertRestoresAll(String what, Path state, Expected expected) throws IOException {
        NavigableSet<String> left = listed(state);
        assertTrue(left.containsAll(expected.mustStay()), what + ": a snapshot that must stay is gone: " + left);
        List<String> moments = new ArrayList<>(expected.moments().keySet());
        String newestId = moments.get(moments.size() - 1);
        StoreTree newest = expected.moments().get(newestId);
        if (expected.removed() != null) {
            assertEquals(1, left.size(), what + ": the snapshot or its replacement, once: " + left);
        }
        if (expected.replacesNewest()) {
            assertEquals(
                    1,
                    left.stream()
                            .filter(id ->
                                    id.equals(newestId) || !expected.moments().containsKey(id))
                            .count(),
                    what + ": the newest snapshot or its replacement, once: " + left);
        }
        for (String id : left) {
            StoreTree moment = expected.moments().get(id);
            String removed = moment == null ? expected.removed() : null;
            assertTrue(moment != null || expected.replacesNewest(), what + ": a snapshot appeared: " + id);
            Path target = tmp.resolve("restore-" + System.nanoTime());
            CliRun restore = CrashedRuns.inProcess(state, "restore", "--snapshot", id, "--target", target.toString());
            assertEquals(0, restore.code(), what + ": restore of " + id + ": " + restore.err());
            assertEquals(
                    List.of(),
                    Trees.diff(
                            moment != null ? moment : newest,
                            Trees.capture(target),
                            p -> removed != null
                                    && (p.equals(removed)
                                            || p.startsWith(removed + "/")
                                            || removed.startsWith(
                                                    p + "/"))), // its domain directory goes if it held only it
                    what + ": snapshot " + id + " does not restore the store as it was (seed " + seed + ")");
            CrashedRuns.deleteTree(target);
        }
    }

    /** The first mailbox of the store ({@code domain/user}). */
    private static String aMailbox(Path store) throws IOException {
        try (Stream<Path> dirs = Files.walk(store, 3)) {
            return dirs.filter(p ->
                            p.getFileName().toString().equals("cur") && p.getNameCount() == store.getNameCount() + 3)
                    .map(p -> store.relativize(p.getParent()).toString())
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** Damage that repair heals: no index file decrypts any more, so every pack is unindexed. */
    private static void flipAByteOfEachIndexFile(Path state) throws IOException {
        try (Stream<Path> files = Files.list(state.resolve("repo").resolve("index"))) {
            for (Path index : (Iterable<Path>) files::iterator) {
                byte[] bytes = Files.readAllBytes(index);
                bytes[bytes.length / 2] ^= 0x01;
                Files.write(index, bytes);
            }
        }
    }

    private static void assertOk(CliRun run) {
        assertEquals(0, run.code(), run.out() + run.err());
    }
}
