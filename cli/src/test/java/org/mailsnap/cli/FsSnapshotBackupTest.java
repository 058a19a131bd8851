package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.Trees;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;

/**
 * {@code backup --fs-snapshot}: the run reads a filesystem snapshot while deliveries go on in the live store, its
 * snapshot restores to the store exactly as it was at the snapshot's instant, records the live store's path, and the
 * filesystem snapshot is gone afterwards however the run ended (exit, failure, SIGTERM; after SIGKILL the next run
 * removes it). Btrfs on a real loop device (root; fails in CI without it), the operator's commands everywhere.
 */
class FsSnapshotBackupTest {
    @TempDir
    Path tmp;

    private final Map<String, String> env = new HashMap<>();
    private long seed;

    @BeforeEach
    void repository() throws IOException {
        env.put("MAILSNAP_REPOSITORY", tmp.resolve("repo").toString());
        env.put("MAILSNAP_PASSWORD", "frozen in time");
        env.put("MAILSNAP_CATALOG", tmp.resolve("catalog").toString());
        env.put(
                "MAILSNAP_CONFIG",
                Files.writeString(tmp.resolve("empty.conf"), "").toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
        CliRun init = CliRun.of(env, "init");
        assertEquals(0, init.code(), init.err());
        seed = System.nanoTime();
        System.out.println("FsSnapshotBackupTest seed " + seed);
    }

    private Path generateStore(Path store) throws IOException {
        new StoreGenerator(
                        StoreSpec.tiny().toBuilder()
                                .seed(seed)
                                .mailboxes(3)
                                .messagesPerMailbox(8)
                                .build(),
                        1)
                .generate(store);
        return store;
    }

    @Test
    void aBtrfsSnapshotBackupRestoresTheStoreAsAtTheSnapshotWhileDeliveriesGoOn() throws Exception {
        try (BtrfsLoop btrfs = BtrfsLoop.create(tmp)) {
            Path store = generateStore(btrfs.volume.resolve("vmail"));
            try (LiveDeliveries live = new LiveDeliveries(store, mailboxes(store), seed)) {
                live.start();
                live.awaitDone(10);
                int before = live.done();
                CliRun backup = CliRun.of(env, "backup", "--fs-snapshot", "btrfs", "--json", store.toString());
                int after = live.done();
                live.stopAfter(10);
                assertEquals(0, backup.code(), backup.err());
                assertEquals("", backup.err());
                assertEquals(List.of("vol"), btrfs.subvolumes(), "the run's snapshot is removed");

                StoreTree restored = restoreAll();
                StoreTree last = Trees.capture(store);
                LiveDeliveries.Instant snapshot = live.nearestInstant(restored.entries(), before, after + 1, last);
                System.out.println("deliveries: " + before + " before the run, " + (after - before) + " during it, "
                        + "snapshot after step " + snapshot.steps());
                assertEquals(
                        List.of(),
                        Trees.diff(snapshot.tree(), restored.entries()),
                        "the restore equals the"
                                + " store at no instant between step " + before + " and step " + (after + 1)
                                + "; the nearest"
                                + " is after step " + snapshot.steps() + ", and differs from it");
                assertNotEquals(last.entries(), restored.entries(), "deliveries went on after the snapshot");
                assertTrue(snapshotStores().contains(store.toRealPath().toString()), "the live path is recorded");
            }
        }
    }

    /**
     * The snapshot's instant made visible: the operator's create command makes a real btrfs snapshot, then lets the
     * test list it and deliver into the live store while the run waits, so the restore is compared with the very
     * image the run read and with a live store that had moved on before the first message was read.
     */
    @Test
    void aRestoreEqualsTheFilesystemSnapshotItWasTakenFromWhileTheLiveStoreMovedOn() throws Exception {
        try (BtrfsLoop btrfs = BtrfsLoop.create(tmp)) {
            Path store = generateStore(btrfs.volume.resolve("vmail"));
            Path taken = tmp.resolve("taken");
            Path go = tmp.resolve("go");
            String create = "rmdir \"$MAILSNAP_FS_SNAPSHOT\""
                    + " && btrfs subvolume snapshot -r \"$MAILSNAP_FS_MOUNT_POINT\" \"$MAILSNAP_FS_SNAPSHOT\" >/dev/null"
                    + " && echo \"$MAILSNAP_FS_SNAPSHOT_STORE\" > " + taken + ".part && mv " + taken + ".part " + taken
                    + " && while [ ! -e " + go + " ]; do sleep 0.01; done";
            String remove = "btrfs subvolume delete \"$MAILSNAP_FS_SNAPSHOT\" >/dev/null";
            LiveDeliveries live = new LiveDeliveries(store, mailboxes(store), seed);
            var run = java.util.concurrent.CompletableFuture.supplyAsync(() -> CliRun.of(
                    env,
                    "backup",
                    "--fs-snapshot",
                    "command",
                    "--fs-snapshot-create",
                    create,
                    "--fs-snapshot-remove",
                    remove,
                    "--fs-snapshot-dir",
                    btrfs.top.resolve("snapshots").toString(),
                    store.toString()));
            while (!Files.exists(taken) && !run.isDone()) {
                Thread.onSpinWait(); // the create command signals; the run itself waits for "go"
            }
            assertTrue(
                    Files.exists(taken),
                    () -> "the create command never signalled: " + run.join().err());
            Path image = Path.of(Files.readString(taken).strip());
            StoreTree atSnapshot = Trees.capture(store);
            assertEquals(atSnapshot.entries(), Trees.capture(image).entries(), "the snapshot is the store");
            live.steps(12);
            Files.createFile(go);
            CliRun backup = run.get();
            assertEquals(0, backup.code(), backup.err());
            assertEquals(List.of("vol"), btrfs.subvolumes(), "the remove command ran");

            StoreTree restored = restoreAll();
            assertEquals(List.of(), Trees.diff(atSnapshot, restored, p -> false));
            StoreTree now = Trees.capture(store);
            assertNotEquals(atSnapshot.entries(), now.entries(), "the live store moved on");
            assertEquals(atSnapshot.entries(), live.treeAfter(0, now), "by the twelve steps after the snapshot");
        }
    }

    /** Everywhere, no root: the snapshot is a copy made by {@code cp -a}, configured in the configuration file. */
    @Test
    void theCommandsSnapshotIsReadTheLivePathRecordedAndTheCopyRemoved() throws Exception {
        Path store = generateStore(tmp.resolve("store"));
        Path snapshots = tmp.resolve("snapshots");
        Path late = tmp.resolve("late-delivery");
        Files.writeString(late, "From: late@example.org\nSubject: after the snapshot\n\nlate\n");
        String inbox = mailboxes(store).get(0);
        Path config = Files.writeString(
                tmp.resolve("mailsnap.conf"),
                String.join(
                        "\n",
                        "[backup]",
                        "fs-snapshot = \"command\"",
                        "fs-snapshot-create = '''mkdir -p \"$MAILSNAP_FS_SNAPSHOT_STORE\" && cp -a \"$MAILSNAP_STORE/.\""
                                + " \"$MAILSNAP_FS_SNAPSHOT_STORE\" && cp " + late + " \"$MAILSNAP_STORE/" + inbox
                                + "/new/1700000001.late.host\"'''",
                        "fs-snapshot-remove = 'rm -rf \"$MAILSNAP_FS_SNAPSHOT\"'",
                        "fs-snapshot-dir = \"" + snapshots + "\"",
                        ""));
        env.put("MAILSNAP_CONFIG", config.toString());
        StoreTree before = Trees.capture(store);

        CliRun backup = CliRun.of(env, "backup", store.toString());
        assertEquals(0, backup.code(), backup.err());
        assertEquals("", backup.err());
        assertEquals(List.of(), list(snapshots), "the copy is removed");
        assertTrue(Files.exists(store.resolve(inbox).resolve("new/1700000001.late.host")), "delivered after the copy");
        assertEquals(List.of(), Trees.diff(before, restoreAll(), p -> false), "the copy's moment, not the store's");
        assertEquals(List.of(store.toRealPath().toString()), snapshotStores());

        // the live store's next run (no snapshot) continues the same store's history and sees the late delivery
        env.put("MAILSNAP_CONFIG", tmp.resolve("empty.conf").toString());
        CliRun next = CliRun.of(env, "backup", "--lock", "none", "--json", store.toString());
        assertEquals(0, next.code(), next.err());
        assertTrue(next.out().contains("\"newMessages\":1,"), next.out());
        String live = store.toRealPath().toString();
        assertEquals(List.of(live, live), snapshotStores());
    }

    @Test
    void aRunThatFailsAfterTheSnapshotStillRemovesIt() throws Exception {
        Path store = generateStore(tmp.resolve("store"));
        Path snapshots = tmp.resolve("snapshots");
        Path removed = tmp.resolve("removed");
        CliRun backup = CliRun.of(
                env,
                "backup",
                "--fs-snapshot",
                "command",
                "--fs-snapshot-create",
                "mkdir -p \"$MAILSNAP_FS_SNAPSHOT_STORE\"", // an empty image: no mailbox
                "--fs-snapshot-remove",
                "rm -rf \"$MAILSNAP_FS_SNAPSHOT\" && touch " + removed,
                "--fs-snapshot-dir",
                snapshots.toString(),
                store.toString());
        assertEquals(1, backup.code(), backup.err());
        assertTrue(backup.err().contains("no mailbox") || backup.err().contains("holds no"), backup.err());
        assertTrue(Files.exists(removed), "the remove command ran");
        assertEquals(List.of(), list(snapshots));
    }

    @Test
    void aCreateCommandThatFailsIsOneLineAndLeavesNothing() throws Exception {
        Path store = generateStore(tmp.resolve("store"));
        Path snapshots = tmp.resolve("snapshots");
        CliRun backup = CliRun.of(
                env,
                "backup",
                "--fs-snapshot",
                "command",
                "--fs-snapshot-create",
                "echo 'volume group vg0 has no free space' >&2; exit 5",
                "--fs-snapshot-remove",
                "rmdir \"$MAILSNAP_FS_SNAPSHOT\"",
                "--fs-snapshot-dir",
                snapshots.toString(),
                store.toString());
        assertEquals(1, backup.code(), backup.err());
        assertEquals(1, backup.err().lines().count(), backup.err());
        assertTrue(backup.err().contains("failed (exit status 5): volume group vg0 has no free space"), backup.err());
        assertEquals(List.of(), list(snapshots));
        assertEquals(
                "",
                CliRun.of(env, "snapshots")
                        .out()
                        .strip()
                        .lines()
                        .filter(l -> l.contains(store.toString()))
                        .findAny()
                        .orElse(""),
                "no snapshot saved");
    }

    @Test
    void wrongOptionsAreUsageErrors() throws Exception {
        Path store = generateStore(tmp.resolve("store"));
        CliRun nonsense = CliRun.of(env, "backup", "--fs-snapshot", "ext4", store.toString());
        assertEquals(2, nonsense.code());
        assertEquals("mailsnap: --fs-snapshot must be btrfs, lvm, zfs or command, not ext4\n", nonsense.err());
        CliRun half =
                CliRun.of(env, "backup", "--fs-snapshot", "command", "--fs-snapshot-create", "true", store.toString());
        assertEquals(2, half.code());
        assertTrue(half.err().contains("needs both --fs-snapshot-create and --fs-snapshot-remove"), half.err());
        CliRun stray =
                CliRun.of(env, "backup", "--fs-snapshot", "btrfs", "--fs-snapshot-create", "true", store.toString());
        assertEquals(2, stray.code(), stray.err());
        CliRun noStore = CliRun.of(
                env, "backup", "--fs-snapshot", "btrfs", tmp.resolve("absent").toString());
        assertEquals(1, noStore.code());
        assertEquals("mailsnap: mail store " + tmp.resolve("absent") + " is not a directory\n", noStore.err());
        CliRun notZfs = CliRun.of(env, "backup", "--fs-snapshot", "zfs", store.toString());
        assertEquals(1, notZfs.code());
        assertTrue(notZfs.err().contains("not on a ZFS dataset"), notZfs.err());
        assertEquals(1, notZfs.err().lines().count(), notZfs.err());
    }

    /** SIGTERM (systemctl stop) while the run reads the snapshot: the shutdown hook removes it. */
    @Test
    void sigtermDuringTheRunRemovesTheSnapshot() throws Exception {
        assertSignalRemovesTheSnapshot("TERM", 143);
    }

    /** SIGINT (Ctrl-C): exit code 130, as the exit code table says, and the snapshot removed. */
    @Test
    void sigintDuringTheRunExits130AndRemovesTheSnapshot() throws Exception {
        assertSignalRemovesTheSnapshot("INT", ExitCode.INTERRUPTED.code());
    }

    private void assertSignalRemovesTheSnapshot(String signal, int exitStatus) throws Exception {
        Path store = generateStore(tmp.resolve("store"));
        Path snapshots = tmp.resolve("snapshots");
        Process child = stoppedAtFirstWrite(store, snapshots);
        try {
            assertEquals(1, list(snapshots).size(), "the snapshot exists while the run reads it");
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(child.pid())).start();
            assertEquals(0, kill.waitFor());
            assertEquals(exitStatus, child.waitFor());
        } finally {
            child.destroyForcibly();
        }
        assertEquals(List.of(), list(snapshots), "the shutdown hook removed the snapshot");
    }

    /** SIGKILL leaves the snapshot; the next run removes it (named in one line) before it makes its own. */
    @Test
    void aSnapshotLeftBySigkillIsRemovedByTheNextRun() throws Exception {
        Path store = generateStore(tmp.resolve("store"));
        Path snapshots = tmp.resolve("snapshots");
        Process child = stoppedAtFirstWrite(store, snapshots);
        try {
            child.destroyForcibly(); // SIGKILL
            assertEquals(137, child.waitFor());
        } finally {
            child.destroyForcibly();
        }
        assertEquals(List.of("fs-snapshot-command-" + child.pid()), list(snapshots), "left by the killed run");

        CliRun next = CliRun.of(env, commandSnapshotBackup(store, snapshots).toArray(String[]::new));
        assertEquals(0, next.code(), next.err());
        assertEquals(
                "mailsnap: removed a stale filesystem snapshot left by run " + child.pid() + ", which no longer "
                        + "runs: snapshot at " + snapshots.resolve("fs-snapshot-command-" + child.pid()) + "\n",
                next.err());
        assertEquals(List.of(), list(snapshots));
    }

    private static List<String> commandSnapshotBackup(Path store, Path snapshots) {
        return List.of(
                "backup",
                "--fs-snapshot",
                "command",
                "--fs-snapshot-create",
                "mkdir -p \"$MAILSNAP_FS_SNAPSHOT_STORE\" && cp -a \"$MAILSNAP_STORE/.\" \"$MAILSNAP_FS_SNAPSHOT_STORE\"",
                "--fs-snapshot-remove",
                "rm -rf \"$MAILSNAP_FS_SNAPSHOT\"",
                "--fs-snapshot-dir",
                snapshots.toString(),
                "--threads",
                "1",
                store.toString());
    }

    /** A child JVM backing up from a command snapshot, stopped at its first repository write (a crash point). */
    private Process stoppedAtFirstWrite(Path store, Path snapshots) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.mailsnap(
                        List.of("-XX:TieredStopAtLevel=1"),
                        commandSnapshotBackup(store, snapshots).toArray(String[]::new)))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        pb.environment().put("MAILSNAP_CRASH_AT", "1");
        Process child = pb.start();
        StringBuilder err = new StringBuilder();
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = lines.readLine()) != null) {
            err.append(line).append('\n');
            if (line.startsWith("mailsnap: crash point 1 reached")) {
                return child;
            }
        }
        child.destroyForcibly();
        throw new AssertionError("the run ended before its first write: " + err);
    }

    private StoreTree restoreAll() throws IOException {
        Path target = tmp.resolve("restored-" + System.nanoTime());
        CliRun restore = CliRun.of(env, "restore", "--at", "now", "--target", target.toString());
        assertEquals(0, restore.code(), restore.err());
        return Trees.capture(target);
    }

    /** The store path of every snapshot (the store key is {@code host:path}). */
    private List<String> snapshotStores() {
        CliRun snapshots = CliRun.of(env, "snapshots", "--json");
        assertEquals(0, snapshots.code(), snapshots.err());
        List<String> stores = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"store\":\"[^\"]*?:(/[^\"]*)\"")
                .matcher(snapshots.out());
        while (m.find()) {
            stores.add(m.group(1));
        }
        assertFalse(stores.isEmpty(), snapshots.out());
        return stores;
    }

    /** The mailbox roots of a store, relative to it: directories with cur/, new/ and tmp/ not named like a folder. */
    static List<String> mailboxes(Path store) throws IOException {
        try (Stream<Path> dirs = Files.walk(store)) {
            return dirs.filter(d -> Files.isDirectory(d.resolve("cur"))
                            && Files.isDirectory(d.resolve("new"))
                            && Files.isDirectory(d.resolve("tmp"))
                            && !d.getFileName().toString().startsWith("."))
                    .map(d -> store.relativize(d).toString())
                    .sorted()
                    .toList();
        }
    }

    private static List<String> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
