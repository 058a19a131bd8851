package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore and dump commands facing damage and hostile directories (issues 12 and 13), as an operator sees them:
 * exit codes, the lines on stderr, what is on disk afterwards.
 */
class RestoreHardeningCliTest {
    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();
    Path store;
    Path mailbox;

    CliRun run(String... args) {
        return CliRun.of(env, args);
    }

    @BeforeEach
    void repositoryAndStore() throws IOException {
        env.put("MAILSNAP_REPOSITORY", tmp.resolve("repo").toString());
        env.put("MAILSNAP_PASSWORD", "correct horse");
        env.put("MAILSNAP_CATALOG", tmp.resolve("catalog").toString());
        store = tmp.resolve("store");
        mailbox = store.resolve("u");
        for (String path :
                List.of("cur/1700000001.M1P1.h:2,S", "new/1700000002.M2P1.h", ".Archive/cur/1700000003.M3P1.h:2,S")) {
            message(path);
        }
        Files.write(mailbox.resolve(".Archive/maildirfolder"), new byte[0]);
        assertEquals(0, run("init").code());
        CliRun backup = run("backup", "--lock", "none", store.toString());
        assertEquals(0, backup.code(), backup.err());
    }

    @Test
    void aRestoreIntoTheLiveStoreWithoutMergeIsRefused() throws IOException {
        Path inside = store.resolve("restored");
        CliRun refused = restoreU(inside);
        assertEquals(2, refused.code(), refused.err());
        assertEquals(
                "mailsnap: --target " + inside + " is inside the live store " + store.toAbsolutePath()
                        + " this snapshot was taken of: restore elsewhere, or use --merge to add missing messages"
                        + " (or --as-folder to put them in a new folder)\n",
                refused.err());
        assertFalse(Files.exists(inside), "nothing created");

        Path link = Files.createSymbolicLink(tmp.resolve("store-link"), store);
        assertEquals(2, restoreU(link.resolve("u2")).code(), "the same store through a link");

        Files.delete(mailbox.resolve("new/1700000002.M2P1.h"));
        CliRun merged = restoreU(mailbox, "--merge");
        assertEquals(0, merged.code(), merged.err());
        assertTrue(Files.exists(mailbox.resolve("new/1700000002.M2P1.h")));

        assertEquals(
                2,
                restoreU(tmp.resolve("x"), "--merge", "--resume").code(),
                "--resume is for a restore into its own directory");
    }

    @Test
    void aLinkedFolderInAMergeIsNamedAndTheExitCodeSaysPartial() throws IOException {
        Path rootOnly = Files.createDirectory(tmp.resolve("rootonly"));
        Path live = tmp.resolve("live/u");
        Files.createDirectories(live.resolve("cur"));
        Files.createDirectories(live.resolve("new"));
        Files.createDirectories(live.resolve("tmp"));
        Files.createSymbolicLink(live.resolve(".Archive"), rootOnly);

        CliRun merged = restoreU(live, "--merge");

        assertEquals(3, merged.code(), merged.err());
        assertTrue(
                merged.err()
                        .contains("mailsnap: not restored: " + live.resolve(".Archive")
                                + ": is a symbolic link, not followed; folder u|.Archive not restored\n"),
                merged.err());
        assertTrue(merged.err().contains("mailsnap: restore partial: 1 not restored"), merged.err());
        try (Stream<Path> entries = Files.list(rootOnly)) {
            assertEquals(0, entries.count(), "nothing written through the link");
        }
        assertTrue(Files.exists(live.resolve("cur/1700000001.M1P1.h:2,S")));
    }

    @Test
    void aMissingPackGivesExit3WithEachFileNamedThenResumeFinishes() throws IOException {
        Set<Path> before = packs();
        message(".Archive/cur/1700000004.M4P1.h:2,S");
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
        Path target = tmp.resolve("target");
        Path away = tmp.resolve("away");
        CliRun partial = null;
        Path missing = null;
        for (Path pack : packs()) {
            if (before.contains(pack)) {
                continue;
            }
            Files.move(pack, away);
            CliRun attempt = restoreU(target);
            if (attempt.code() == 3) {
                partial = attempt;
                missing = pack;
                break; // the data pack of the second backup: keep it away
            }
            Files.move(away, pack); // a metadata pack: the restore could not even start
            assertEquals(0, run("catalog", "rebuild").code()); // forget the damage mark the failed restore left
            deleteTree(target);
        }
        assertNotNull(partial, "one new pack holds the new message's data");
        assertTrue(
                partial.err().contains("mailsnap: not restored: u|.Archive: cur/1700000004.M4P1.h:2,S: "),
                partial.err());
        assertTrue(
                partial.err().contains("(Subject \".Archive/cur/1700000004.M4P1.h:2,S\")"),
                "named by Subject too: " + partial.err());
        assertTrue(partial.err().contains("--resume writes what is missing"), partial.err());
        assertTrue(Files.exists(target.resolve(".Archive/cur/1700000003.M3P1.h:2,S")), "the rest is restored");

        CliRun again = restoreU(target);
        assertEquals(1, again.code());
        assertTrue(again.err().contains("not empty") && again.err().contains("--resume"), again.err());

        // a dump meets the same blob after it wrote the folder's first message: no partial mbox is left
        Path dumps = Files.createDirectories(tmp.resolve("dumps"));
        CliRun dump = run(
                "dump",
                "--at",
                "now",
                "--mailbox",
                "u",
                "--folder",
                ".Archive",
                "--output",
                dumps.resolve("archive.mbox").toString());
        assertEquals(1, dump.code(), dump.err());
        assertEquals(1, dump.err().lines().count(), dump.err());
        assertTrue(dump.err().contains("1700000004.M4P1.h"), "names the message: " + dump.err());
        try (Stream<Path> left = Files.list(dumps)) {
            assertEquals(List.of(), left.toList(), "no partial dump, no temporary: " + dump.err());
        }

        Files.move(away, missing); // the repair
        // the failed restore marked the pack's blob damaged in the local catalog (so backups re-store it); marks go
        // with the catalog, so once the pack is back a rebuild makes it readable again
        assertEquals(0, run("catalog", "rebuild").code());
        CliRun resumed = restoreU(target, "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(
                resumed.out().contains(" 1 messages") && resumed.out().contains("3 already complete"), resumed.out());
        assertArrayEquals(
                Files.readAllBytes(mailbox.resolve(".Archive/cur/1700000004.M4P1.h:2,S")),
                Files.readAllBytes(target.resolve(".Archive/cur/1700000004.M4P1.h:2,S")));
    }

    @Test
    void aFailedDumpLeavesNoFileAndALinkAtTheOutputIsRefused() throws IOException {
        Path out = tmp.resolve("dumps/archive.mbox");
        Files.createDirectories(out.getParent());
        CliRun ok = run("dump", "--at", "now", "--mailbox", "u", "--folder", ".Archive", "--output", out.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.readString(out).contains("Subject: .Archive/cur/1700000003.M3P1.h:2,S"));
        Files.delete(out);

        for (Path pack : packs()) {
            Path away = tmp.resolve("away-" + pack.getFileName());
            Files.move(pack, away);
        }
        CliRun failed =
                run("dump", "--at", "now", "--mailbox", "u", "--folder", ".Archive", "--output", out.toString());
        assertNotEquals(0, failed.code());
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertEquals(List.of(), left.toList(), "no partial dump, no temporary: " + failed.err());
        }

        Path victim = Files.writeString(tmp.resolve("victim"), "root only");
        Files.createSymbolicLink(out, victim);
        CliRun link = run("dump", "--at", "now", "--mailbox", "u", "--output", out.toString());
        assertEquals(1, link.code());
        assertEquals("mailsnap: " + out + ": is a symbolic link, not followed\n", link.err());
        assertEquals("root only", Files.readString(victim));
    }

    private Set<Path> packs() throws IOException {
        try (Stream<Path> all = Files.walk(tmp.resolve("repo/data"))) {
            return new TreeSet<>(all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .toList());
        }
    }

    /**
     * A restore whose target disk fills up fails as the target's problem, named once, and does not blame the
     * repository (whose blobs are lent to the file being written: a failed write must not read as a failed read).
     */
    @Test
    void aFullTargetDiskIsNamedAsTheTargetsAndNotAsDamage() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                "root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
        byte[] large = new byte[400_000];
        new java.util.Random(7).nextBytes(large); // incompressible: it takes its size on the target
        for (int i = 0; i < 3; i++) {
            Path file = mailbox.resolve("cur/17000001" + i + ".M9P1.h:2,S");
            Files.write(file, "Subject: large\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Files.write(file, large, java.nio.file.StandardOpenOption.APPEND);
        }
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
        Path disk = Files.createDirectories(tmp.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", disk.toString())
                .inheritIO()
                .start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "tmpfs mount");
        try {
            CliRun full = restoreU(disk.resolve("u"));
            assertEquals(1, full.code(), full.err());
            assertTrue(
                    full.err()
                            .matches("mailsnap: "
                                    + java.util.regex.Pattern.quote(
                                            disk.resolve("u").toString())
                                    // whichever file a writer thread had open when the disk filled, in any folder
                                    + "(/\\.[^/ ]+)?/(cur|new)/[^/ ]+: No space left on device\n"),
                    full.err());
        } finally {
            new ProcessBuilder("umount", "-l", disk.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
        }
    }

    /** {@code restore --at now --mailbox u --target TARGET}, then {@code more}. */
    private CliRun restoreU(Path target, String... more) {
        List<String> args = new java.util.ArrayList<>(
                List.of("restore", "--at", "now", "--mailbox", "u", "--target", target.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private void message(String path) throws IOException {
        Path file = mailbox.resolve(path);
        Files.createDirectories(file.getParent().getParent().resolve("cur"));
        Files.createDirectories(file.getParent().getParent().resolve("new"));
        Files.createDirectories(file.getParent().getParent().resolve("tmp"));
        Files.writeString(file, "Subject: " + path + "\r\n\r\nbody\r\n", StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
