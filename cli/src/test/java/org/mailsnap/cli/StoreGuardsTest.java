package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.mailgen.StoreTree;

/**
 * What a careful admin trips on (issue 12, section 6, and the full catalog disk of section 4): an empty or unmounted
 * store is refused, a store that shrank is a warning and exit 3, links that are not followed are reported, and a
 * catalog that cannot be updated after the snapshot was saved says so. Each case shows that nothing was lost.
 */
class StoreGuardsTest {
    static final String HOST = "guards-host";
    static final int MAILBOXES = 4;
    static final int MESSAGES = 5;

    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();
    final StoreTree.Options exact = StoreTree.Options.exact().ignoringDirectoryMtimes();
    Path store;

    CliRun run(String... args) {
        return CliRun.of(env, args);
    }

    CliRun backup(String... options) {
        String[] args = new String[options.length + 6];
        args[0] = "backup";
        args[1] = "--lock";
        args[2] = "none";
        args[3] = "--host";
        args[4] = HOST;
        System.arraycopy(options, 0, args, 5, options.length);
        args[args.length - 1] = store.toString();
        return run(args);
    }

    @BeforeEach
    void repository() throws IOException {
        env.put("MAILSNAP_REPOSITORY", tmp.resolve("repo").toString());
        env.put("MAILSNAP_PASSWORD", "correct horse");
        env.put("MAILSNAP_CATALOG", tmp.resolve("catalog").toString());
        assertEquals(0, run("init").code());
        store = tmp.resolve("store");
        for (int m = 0; m < MAILBOXES; m++) {
            Path root = Maildirs.maildir(store.resolve("user" + m));
            Path sent = Maildirs.folder(root, ".Sent");
            for (int i = 0; i < MESSAGES; i++) {
                Maildirs.message(i % 2 == 0 ? root : sent, "cur", "17000000" + m + i + ".M" + i + "P1.host:2,S");
            }
        }
    }

    // ---- an empty or unmounted store

    @Test
    void anEmptyStoreIsRefusedUnlessAllowed() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        store = empty;
        CliRun refused = backup();
        assertEquals(1, refused.code(), refused.err());
        assertEquals(
                "mailsnap: mail store " + empty + " holds no mailbox (no directory with cur/, new/ and tmp/):"
                        + " is it mounted? Nothing was backed up; pass --allow-empty to record an empty snapshot\n",
                refused.err());
        assertTrue(run("snapshots").out().contains("0 snapshots"), "nothing written");

        CliRun allowed = backup("--allow-empty");
        assertEquals(0, allowed.code(), allowed.err());
        assertTrue(allowed.out().contains("0 mailboxes"), allowed.out());
    }

    @Test
    void anUnmountedStoreNeverBecomesTheNewestSnapshot() throws IOException {
        StoreTree before = StoreTree.capture(store.resolve("user1"), exact);
        assertEquals(0, backup().code());
        Path mounted = tmp.resolve("volume");
        Files.move(store, mounted); // "umount": the mount point is an empty directory again
        Files.createDirectories(store);
        CliRun refused = backup();
        assertEquals(1, refused.code(), refused.err());
        assertTrue(
                refused.err().contains("holds no mailbox") && refused.err().contains("is it mounted?"), refused.err());
        assertTrue(run("snapshots").out().contains("1 snapshot"));
        Path target = tmp.resolve("restored");
        CliRun restore = run("restore", "--snapshot", "latest", "--mailbox", "user1", "--target", target.toString());
        assertEquals(0, restore.code(), restore.err());
        assertEquals(List.of(), before.diff(StoreTree.capture(target, exact)), "latest is still the full store");
    }

    // ---- a store that shrank

    @Test
    void aStoreWithFewerThanHalfTheMessagesIsAWarningAndExit3UnlessAllowed() throws IOException {
        StoreTree user3 = StoreTree.capture(store.resolve("user3"), exact);
        CliRun first = backup("--json");
        assertEquals(0, first.code(), first.err());
        String firstId = first.out().substring(13, 13 + 64);
        Path away = Files.createDirectories(tmp.resolve("away"));
        for (int m = 1; m < MAILBOXES; m++) {
            Files.move(store.resolve("user" + m), away.resolve("user" + m));
        }
        CliRun shrunk = backup();
        assertEquals(3, shrunk.code(), shrunk.err());
        assertEquals(
                List.of("mailsnap: warning: the store holds 5 messages, fewer than half of the 20 in its previous"
                        + " snapshot " + firstId.substring(0, 12) + " (" + firstTime(firstId) + "); if a volume is not"
                        + " mounted or mailboxes are missing, restore from that snapshot, not from the new one ("
                        + shrunk.out().substring(9, 21) + "); pass --allow-shrink when the drop is intended"),
                shrunk.err().lines().toList());
        assertTrue(run("snapshots").out().contains("2 snapshots"), "the snapshot is saved: it is what is there");
        Path target = tmp.resolve("restored");
        CliRun restore = run(
                "restore", "--snapshot", firstId.substring(0, 12), "--mailbox", "user3", "--target", target.toString());
        assertEquals(0, restore.code(), restore.err());
        assertEquals(List.of(), user3.diff(StoreTree.capture(target, exact)), "nothing lost");

        for (int m = 1; m < MAILBOXES; m++) {
            Files.move(away.resolve("user" + m), store.resolve("user" + m));
        }
        assertEquals(0, backup().code(), "growing is no warning");
        for (int m = 1; m < MAILBOXES; m++) {
            Files.move(store.resolve("user" + m), away.resolve("user" + m));
        }
        CliRun allowed = backup("--allow-shrink");
        assertEquals(0, allowed.code(), allowed.err());
        assertEquals("", allowed.err());
    }

    private String firstTime(String id) {
        CliRun snapshots = run("snapshots", "--json");
        int at = snapshots.out().indexOf(id);
        assertTrue(at >= 0, snapshots.out());
        int time = snapshots.out().indexOf("\"time\":\"", at) + 8;
        return snapshots.out().substring(time, snapshots.out().indexOf('"', time));
    }

    // ---- links that are not followed

    @Test
    void linksWhereFoldersOrMailboxesCouldBeAreReportedOneLineEachAndExit3() throws IOException {
        Path outside = tmp.resolve("outside");
        Path target = Maildirs.folder(outside, ".Target");
        Maildirs.message(target, "cur", "1699999999.M1P1.host:2,S");
        Files.createSymbolicLink(store.resolve("user0").resolve(".Linked"), target);
        Files.createSymbolicLink(store.resolve("user9"), Maildirs.maildir(outside.resolve("user9")));
        StoreTree outsideBefore = StoreTree.capture(outside, exact);
        StoreTree user0 = StoreTree.capture(store.resolve("user0"), exact);

        CliRun run = backup();
        assertEquals(3, run.code(), run.err());
        assertEquals(
                List.of(
                        "mailsnap: warning: user0/.Linked: a symbolic link where a folder could be, not followed: nothing"
                                + " behind it is backed up",
                        "mailsnap: warning: user9: a symbolic link where a directory of the store could be, not followed:"
                                + " nothing behind it is backed up",
                        "mailsnap: the snapshot is partial"),
                run.err().lines().toList());
        assertTrue(run.out().contains("4 mailboxes, 8 folders, 20 messages"), run.out());
        assertEquals(List.of(), outsideBefore.diff(StoreTree.capture(outside, exact)), "nothing behind a link touched");

        Path restored = tmp.resolve("restored");
        CliRun restore = run("restore", "--snapshot", "latest", "--mailbox", "user0", "--target", restored.toString());
        assertEquals(0, restore.code(), restore.err());
        List<String> diff = user0.diff(StoreTree.capture(restored, exact));
        assertTrue(diff.stream().allMatch(d -> d.contains(".Linked")), "all but the linked folder: " + diff);
        assertFalse(diff.isEmpty(), "the linked folder is not in the snapshot");
    }

    // ---- a full catalog disk after the snapshot was saved

    @Test
    void aFullCatalogDiskAfterTheSnapshotWasSavedSaysSoAndTheNextRunCatchesUp() throws Exception {
        Path stateDir = tmp.resolve("catalog").resolve("state");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        Files.createDirectories(stateDir);
        // the run state on a disk of its own, so that only the run's final catalog commit meets the full disk
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", stateDir.toString())
                .inheritIO()
                .start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "tmpfs mount");
        try {
            assertEquals(0, backup().code());
            for (int m = 0; m < 40; m++) { // enough new messages that the final commit must grow the data file
                Path root = Maildirs.maildir(store.resolve("new" + m));
                for (int i = 0; i < 20; i++) {
                    Maildirs.message(root, "cur", "1710000000.M" + m + "x" + i + "P1.host:2,S");
                }
            }
            StoreTree newMailbox = StoreTree.capture(store.resolve("new7"), exact);
            Path filler = stateDir.resolve("filler");
            FullDisk.fill(filler, 0); // the catalog's disk is full
            CliRun failed = backup();
            assertEquals(1, failed.code(), failed.err());
            assertEquals(1, failed.err().lines().count(), failed.err());
            assertTrue(
                    failed.err()
                            .matches("(?s)mailsnap: snapshot [0-9a-f]{12} was saved in the repository, but the"
                                    + " local catalog at "
                                    + java.util.regex.Pattern.quote(
                                            tmp.resolve("catalog").toString())
                                    + " could not be updated \\(.*\\); nothing is lost: fix the catalog's disk, and the next run"
                                    + " brings the catalog up to date \\(it reads again what changed since the catalog's last"
                                    + " checkpoint and stores nothing twice\\)\\n"),
                    failed.err());
            String saved = failed.err().substring("mailsnap: snapshot ".length(), "mailsnap: snapshot ".length() + 12);

            Files.delete(filler);
            CliRun snapshots = run("snapshots");
            assertTrue(
                    snapshots.out().contains("2 snapshots") && snapshots.out().contains(saved), snapshots.out());
            CliRun next = backup();
            assertEquals(0, next.code(), next.err());
            Path target = tmp.resolve("restored");
            CliRun restore = run("restore", "--snapshot", saved, "--mailbox", "new7", "--target", target.toString());
            assertEquals(0, restore.code(), restore.err());
            assertEquals(List.of(), newMailbox.diff(StoreTree.capture(target, exact)), "nothing lost");
        } finally {
            new ProcessBuilder("umount", "-l", stateDir.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
        }
    }
}
