package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;

/**
 * Damaged or exposed local state, as an admin meets it (issue 12, sections 4 and 5): a truncated or bit-flipped
 * catalog is one clear line and exit 1, never a JVM crash, and never reads like repository damage; the catalog's
 * files are owner-only; a flipped config version byte is not blamed on a newer mailsnap. Each case also shows that
 * nothing was lost: after {@code catalog rebuild} a restore gives back the store as backed up.
 */
class LocalStateTest {
    static final Pattern DAMAGED = Pattern.compile(
            "mailsnap: the local catalog at (\\S+) is damaged \\((.+)\\): run `mailsnap catalog rebuild`\\n");

    /** The store key includes the host: every backup of this test names the same one. */
    static final String HOST = "flipme-host";

    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();
    Path store;
    Path catalog;
    String mailbox;
    StoreTree before;
    String repositoryId;
    final StoreTree.Options exact = StoreTree.Options.exact().ignoringDirectoryMtimes();

    CliRun run(String... args) {
        return CliRun.of(env, args);
    }

    @BeforeEach
    void backedUpStore() throws IOException {
        catalog = tmp.resolve("catalog");
        env.put("MAILSNAP_REPOSITORY", tmp.resolve("repo").toString());
        env.put("MAILSNAP_PASSWORD", "correct horse");
        env.put("MAILSNAP_CATALOG", catalog.toString());
        long seed = System.nanoTime();
        System.out.println("LocalStateTest seed " + seed);
        store = tmp.resolve("store");
        new StoreGenerator(StoreSpec.tiny().withSeed(seed), 2).generate(store);
        try (Stream<Path> domains = Files.list(store)) {
            Path domain = domains.sorted().findFirst().orElseThrow();
            try (Stream<Path> users = Files.list(domain)) {
                mailbox = store.relativize(users.sorted().findFirst().orElseThrow())
                        .toString();
            }
        }
        before = StoreTree.capture(store.resolve(mailbox), exact);
        CliRun init = run("init");
        assertEquals(0, init.code());
        repositoryId = init.out().split(" ")[2];
        CliRun backup = run("backup", "--lock", "none", "--host", HOST, store.toString());
        assertEquals(0, backup.code(), backup.err());
    }

    // ---- section 4: a truncated catalog

    @Test
    void aTruncatedCatalogIsOneLineAndExit1InAChildJvmNeverACrash() throws Exception {
        for (String environment : new String[] {"state", "blobs"}) {
            Path data = catalog.resolve(environment).resolve("data.mdb");
            long size = Files.size(data);
            long truncated = 3 * 4096;
            assertTrue(size > truncated, environment + " data file is only " + size + " bytes");
            byte[] original = Files.readAllBytes(data);
            try (FileChannel ch = FileChannel.open(data, StandardOpenOption.WRITE)) {
                ch.truncate(truncated);
            }
            Path target = tmp.resolve("restored-" + environment);
            for (String[] args : List.of(
                    new String[] {"snapshots"},
                    new String[] {"restore", "--snapshot", "latest", "--mailbox", mailbox, "--target", target.toString()
                    },
                    new String[] {"backup", "--lock", "none", "--host", HOST, store.toString()})) {
                CliRun child = runChild(tmp.resolve("cwd-" + environment + "-" + args[0]), args);
                assertEquals(1, child.code(), String.join(" ", args) + ": " + child.err());
                var m = DAMAGED.matcher(child.err());
                assertTrue(m.matches(), "one line naming the catalog: " + child.err());
                assertEquals(catalog.toString(), m.group(1));
                var sizes = Pattern.compile(Pattern.quote(
                                        environment + "/data.mdb: data file truncated: " + truncated + " bytes, needs ")
                                + "(\\d+) \\((free list )?page \\d+ is (in use|past the end of the file)\\)")
                        .matcher(m.group(2));
                assertTrue(sizes.matches(), child.err());
                long needed = Long.parseLong(sizes.group(1));
                assertTrue(needed > truncated && needed <= size, child.err());
                if (Files.exists(target)) {
                    try (var written = Files.list(target)) {
                        assertFalse(written.findAny().isPresent(), "nothing written to the target");
                    }
                }
            }
            Files.write(data, original); // the next environment's case starts from a good catalog
        }
        assertRebuildThenRestoreGivesBackTheStore();
    }

    @Test
    void aTruncatedCatalogNamesTheSizesInProcessToo() throws Exception {
        Path data = catalog.resolve("state").resolve("data.mdb");
        long size = Files.size(data);
        try (FileChannel ch = FileChannel.open(data, StandardOpenOption.WRITE)) {
            ch.truncate(size - 4096);
        }
        CliRun snapshots = run("snapshots");
        assertEquals(1, snapshots.code());
        // the last page of a commit is the free list's root, so cutting it off leaves the free list unreadable
        assertEquals(
                "mailsnap: the local catalog at " + catalog + " is damaged (state/data.mdb: data file" + " truncated: "
                        + (size - 4096) + " bytes, needs " + size + " (free list page " + (size / 4096 - 1)
                        + " is past the end of the file)): run `mailsnap catalog rebuild`\n",
                snapshots.err());
        assertRebuildThenRestoreGivesBackTheStore();
    }

    // ---- section 4: bit flips in records

    @Test
    void aFlippedByteInAMessageKeySaysTheCatalogIsDamaged() throws Exception {
        // every occurrence of one message's base in the run-state file gets an invalid UTF-8 byte
        Path inbox = store.resolve(mailbox);
        String name;
        try (Stream<Path> files = Files.list(inbox.resolve("cur"))) {
            name = files.map(p -> p.getFileName().toString())
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        String base = name.substring(0, name.indexOf(':'));
        assertTrue(flipAll(catalog.resolve("state/data.mdb"), base.getBytes(StandardCharsets.UTF_8), 0xFF) > 0);
        // a delivery makes the next run merge INBOX with its placements
        Files.writeString(inbox.resolve("new").resolve("1700000000.M1P1.delivered"), "Subject: x\r\n\r\nx\r\n");
        before = StoreTree.capture(store.resolve(mailbox), exact);

        CliRun backup = run("backup", "--lock", "none", "--host", HOST, store.toString());
        assertEquals(1, backup.code(), backup.err());
        var m = DAMAGED.matcher(backup.err());
        assertTrue(m.matches(), backup.err());
        assertEquals(catalog.toString(), m.group(1));
        assertTrue(
                m.group(2)
                        .matches("a record of state/(placements|content|messages) \\(key [0-9a-f]+…?\\)"
                                + " fails its checksum"),
                backup.err());
        assertFalse(backup.err().contains("repository"), "never reads as repository damage: " + backup.err());

        assertEquals(0, run("catalog", "rebuild").code());
        CliRun again = run("backup", "--lock", "none", "--host", HOST, store.toString());
        assertEquals(0, again.code(), again.err());
        assertRestoreGivesBackTheStore();
    }

    @Test
    void aFlippedByteInASnapshotSummarySaysTheCatalogIsDamaged() throws Exception {
        assertTrue(flipAll(catalog.resolve("state/data.mdb"), HOST.getBytes(StandardCharsets.US_ASCII), 0xC3) > 0);
        CliRun snapshots = run("snapshots");
        assertEquals(1, snapshots.code(), snapshots.err());
        assertTrue(DAMAGED.matcher(snapshots.err()).matches(), snapshots.err());
        assertRebuildThenRestoreGivesBackTheStore();
    }

    @Test
    void aFlippedBlobKeyMakesARestoreBlameTheCatalogNotTheRepository() throws Exception {
        Path inbox = store.resolve(mailbox);
        String name;
        try (Stream<Path> files = Files.list(inbox.resolve("cur"))) {
            name = files.map(p -> p.getFileName().toString())
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        org.mailsnap.model.BlobId header;
        try (org.mailsnap.catalog.Catalog c = org.mailsnap.catalog.Catalog.open(catalog, repositoryId);
                org.mailsnap.catalog.CatalogReader r = c.read()) {
            header = r.content(mailbox, name.substring(0, name.indexOf(':')))
                    .orElseThrow()
                    .content()
                    .header();
        }
        byte[] key = header.toBytes();
        byte[] flipped = key.clone();
        flipped[7] ^= 0x04;
        // old copies of the page (LMDB copies on write) may hold it too: all are flipped
        assertTrue(replaceAll(catalog.resolve("blobs/data.mdb"), key, flipped) >= 1, "the key is in the blob index");

        Path target = tmp.resolve("restored");
        // in a child JVM: a failed restore returns before its writer threads stop (Restorer shuts its pool down
        // without waiting), and one still inside a catalog lookup keeps this JVM's catalog registered as open
        CliRun restore = runChild(
                tmp.resolve("cwd-restore"),
                "restore",
                "--snapshot",
                "latest",
                "--mailbox",
                mailbox,
                "--target",
                target.toString());
        assertEquals(1, restore.code(), restore.err());
        var m = DAMAGED.matcher(restore.err());
        assertTrue(m.matches(), restore.err());
        assertEquals(catalog.toString(), m.group(1));
        assertTrue(
                m.group(2)
                        .startsWith("its blob index lacks blob " + header.shortHex() + "…, which the"
                                + " repository's index file "),
                restore.err());
        assertRebuildThenRestoreGivesBackTheStore();
    }

    /** Replaces every occurrence of {@code needle} in {@code file} by {@code replacement}; returns how many. */
    static int replaceAll(Path file, byte[] needle, byte[] replacement) throws IOException {
        byte[] data = Files.readAllBytes(file);
        int n = 0;
        for (int i = 0; i + needle.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                System.arraycopy(replacement, 0, data, i, replacement.length);
                n++;
            }
        }
        Files.write(file, data);
        return n;
    }

    // ---- section 5: private files

    @Test
    void theCatalogIsOwnerOnlyAndAMoreOpenOneIsTightenedWithOneWarning() throws Exception {
        assertPrivate();
        Files.setPosixFilePermissions(catalog, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(catalog.resolve("state/data.mdb"), PosixFilePermissions.fromString("rw-rw-rw-"));
        CliRun snapshots = run("snapshots");
        assertEquals(0, snapshots.code(), snapshots.err());
        assertEquals(
                "mailsnap: warning: the local catalog at " + catalog + " was readable by other users (" + catalog
                        + " 0755, " + catalog.resolve("state/data.mdb")
                        + " 0666); made it owner-only (0700 directories,"
                        + " 0600 files)\n",
                snapshots.err());
        assertPrivate();
        CliRun again = run("snapshots");
        assertEquals("", again.err(), "warned once");
        assertTrue(again.out().contains("1 snapshot"), again.out());
    }

    @Test
    void underUmask000ANewCatalogIsStillOwnerOnly() throws Exception {
        Path fresh = tmp.resolve("fresh-catalog");
        env.put("MAILSNAP_CATALOG", fresh.toString());
        CliRun child = runChildUnderUmask(tmp.resolve("cwd-umask"), "000", "snapshots");
        assertEquals(0, child.code(), child.err());
        catalog = fresh;
        assertPrivate();
        // the control: under that umask a file created without an explicit mode is open to all
        Path probe = tmp.resolve("probe");
        Process p = new ProcessBuilder("sh", "-c", "umask 000; touch " + probe).start();
        assertEquals(0, p.waitFor());
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(probe)));
    }

    // ---- section 6: the config's version byte

    @Test
    void aFlippedConfigVersionByteIsDamageOrANewerMailsnap() throws Exception {
        Path config = tmp.resolve("repo").resolve("config");
        byte[] good = Files.readAllBytes(config);
        byte[] flipped = good.clone();
        flipped[9] ^= 0x01; // the version is little-endian: 1 becomes 257
        Files.write(config, flipped);
        CliRun snapshots = run("snapshots");
        assertEquals(1, snapshots.code(), snapshots.err());
        assertEquals(1, snapshots.err().lines().count(), snapshots.err());
        String refusal = "config of " + tmp.resolve("repo") + ": unsupported repository config version 257";
        assertTrue(
                snapshots.err().contains(refusal)
                        && snapshots.err().contains("written by a newer mailsnap, or damaged"),
                snapshots.err());
        Files.write(config, good);
        assertRestoreGivesBackTheStore();
    }

    // ---- helpers

    void assertPrivate() throws IOException {
        for (Path dir : List.of(catalog, catalog.resolve("state"), catalog.resolve("blobs"))) {
            assertEquals(
                    "rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), dir.toString());
            for (String file : new String[] {"data.mdb", "lock.mdb"}) {
                if (dir != catalog) {
                    assertEquals(
                            "rw-------",
                            PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))),
                            dir.resolve(file).toString());
                }
            }
        }
    }

    void assertRebuildThenRestoreGivesBackTheStore() throws IOException {
        CliRun rebuild = run("catalog", "rebuild");
        assertEquals(0, rebuild.code(), rebuild.err());
        assertRestoreGivesBackTheStore();
    }

    void assertRestoreGivesBackTheStore() throws IOException {
        Path target = tmp.resolve("restored-" + System.nanoTime());
        CliRun restore = run("restore", "--snapshot", "latest", "--mailbox", mailbox, "--target", target.toString());
        assertEquals(0, restore.code(), restore.err());
        assertEquals(List.of(), before.diff(StoreTree.capture(target, exact)), "nothing lost");
    }

    /** Replaces the first byte of every occurrence of {@code needle} in {@code file}; returns how many. */
    static int flipAll(Path file, byte[] needle, int replacement) throws IOException {
        byte[] data = Files.readAllBytes(file);
        int n = 0;
        for (int i = 0; i + needle.length <= data.length; i++) {
            if (java.util.Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                data[i] = (byte) replacement;
                n++;
            }
        }
        Files.write(file, data);
        return n;
    }

    CliRun runChild(Path cwd, String... args) throws Exception {
        return runChildUnderUmask(cwd, null, args);
    }

    /**
     * The CLI in its own JVM (as bin/mailsnap starts it), so that a crash in native code shows as what it is: an exit
     * code of 134 and an {@code hs_err_pid*.log} in the working directory, both asserted absent.
     */
    CliRun runChildUnderUmask(Path cwd, String umask, String... args) throws Exception {
        Files.createDirectories(cwd);
        List<String> command = ChildJvm.mailsnap(List.of("-Xmx256m"), args);
        if (umask != null) {
            List<String> quoted = command.stream()
                    .map(a -> "'" + a.replace("'", "'\\''") + "'")
                    .toList();
            command = List.of("sh", "-c", "umask " + umask + " && exec " + String.join(" ", quoted));
        }
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectOutput(cwd.resolve("stdout").toFile())
                .redirectError(cwd.resolve("stderr").toFile());
        pb.environment().putAll(env);
        Process process = pb.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the child finished");
        try (Stream<Path> files = Files.list(cwd)) {
            List<String> crashLogs = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("hs_err"))
                    .toList();
            assertEquals(List.of(), crashLogs, "no JVM crash");
        }
        return new CliRun(
                process.exitValue(), Files.readString(cwd.resolve("stdout")), Files.readString(cwd.resolve("stderr")));
    }
}
