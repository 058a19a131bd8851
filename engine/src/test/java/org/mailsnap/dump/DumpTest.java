package org.mailsnap.dump;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.FolderKey;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.walk.SnapshotWalker;

/**
 * Dumps of a backed-up store, read back by independent readers: a small mboxrd reader, and GNU tar itself, whose
 * extraction must reproduce the folder (names, bytes, mtimes to the nanosecond, control files).
 */
class DumpTest {
    private static final String CRAFTED = "crafted.example/alice";
    private static final StoreTree.Options OPTIONS = StoreTree.Options.exact().ignoringDirectoryMtimes();

    @TempDir
    Path tmp;

    private Path store;
    private long seed;

    @BeforeEach
    void store() throws IOException {
        seed = System.nanoTime();
        System.out.println("DumpTest seed " + seed);
        store = tmp.resolve("store");
        new StoreGenerator(
                        StoreSpec.tiny().toBuilder()
                                .mailboxes(2)
                                .messagesPerMailbox(40)
                                .seed(seed)
                                .build(),
                        1)
                .generate(store);
        craftMailbox(store.resolve(CRAFTED), new Random(seed));
    }

    @Test
    void mboxReadsBackAsTheFolderMessages() throws Exception {
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            Snapshot snapshot = backup(f);
            FolderDump dump = new FolderDump(blobs(f)::get);
            for (FolderKey key :
                    List.of(new FolderKey(CRAFTED, ""), new FolderKey(CRAFTED, ".Odd names"), someMailgenFolder())) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                DumpResult r = dump.write(snapshot, key.mailbox(), key.folder(), DumpFormat.MBOX, out);
                List<MboxReader.Message> read = MboxReader.read(out.toByteArray());
                List<Path> files = messageFiles(folderDir(key));
                assertEquals(files.size(), read.size(), key.toString());
                assertEquals(files.size(), r.messages());
                for (int i = 0; i < files.size(); i++) {
                    byte[] original = Files.readAllBytes(files.get(i));
                    byte[] expected = original.length > 0 && original[original.length - 1] == '\n'
                            ? original
                            : concat(original, new byte[] {'\n'});
                    assertArrayEquals(
                            expected,
                            read.get(i).bytes(),
                            key + ": " + files.get(i).getFileName());
                    assertTrue(
                            read.get(i)
                                    .fromLine()
                                    .matches("From \\S+ \\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}"),
                            read.get(i).fromLine());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            dump.write(snapshot, CRAFTED, "", DumpFormat.MBOX, out);
            List<MboxReader.Message> inbox = MboxReader.read(out.toByteArray());
            assertEquals(
                    "From bounce@lists.example Fri Jan  5 03:04:05 2024",
                    inbox.get(0).fromLine(),
                    "Return-Path wins; the date is the mtime in UTC");
            assertEquals(
                    "From carol@example.net Sat Jan  6 03:04:05 2024",
                    inbox.get(1).fromLine(),
                    "else the From address");
        }
    }

    @Test
    void tarExtractsToTheSameMaildirFolder() throws Exception {
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            Snapshot snapshot = backup(f);
            FolderDump dump = new FolderDump(blobs(f)::get);
            for (FolderKey key : List.of(new FolderKey(CRAFTED, ".Odd names"), someMailgenFolder())) {
                Path archive = tmp.resolve("dump-" + key.folder() + ".tar");
                DumpResult r;
                try (OutputStream out = Files.newOutputStream(archive)) {
                    r = dump.write(snapshot, key.mailbox(), key.folder(), DumpFormat.MAILDIR_TAR, out);
                }
                Path source = folderDir(key);
                String top = FolderDump.defaultTopDirectory(key);
                assertEquals(messageFiles(source).size(), r.messages());

                TreeSet<String> expected =
                        new TreeSet<>(List.of(top + "/", top + "/cur/", top + "/new/", top + "/tmp/"));
                for (StoreTree.Entry e :
                        StoreTree.capture(source, OPTIONS).entries().values()) {
                    if (e.kind() != StoreTree.Kind.DIRECTORY) {
                        expected.add(top + "/" + e.path());
                    }
                }
                assertEquals(
                        expected,
                        new TreeSet<>(tar(archive, "--quoting-style=literal", "-tf")),
                        "tar -tf lists the folder as a Maildir");

                Path extracted = tmp.resolve("x-" + key.folder());
                Files.createDirectories(extracted);
                tar(archive, "-C", extracted.toString(), "-xf");
                assertEquals(
                        List.of(),
                        StoreTree.capture(source, OPTIONS).diff(StoreTree.capture(extracted.resolve(top), OPTIONS)),
                        "extracted " + key);
            }
        }
    }

    @Test
    void aMissingFolderIsAClearErrorAndAnUnsafeTopDirectoryIsRefused() throws Exception {
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            Snapshot snapshot = backup(f);
            FolderDump dump = new FolderDump(blobs(f)::get);
            IOException e = assertThrows(
                    IOException.class,
                    () -> dump.write(snapshot, CRAFTED, ".Nope", DumpFormat.MBOX, OutputStream.nullOutputStream()));
            assertTrue(e.getMessage().contains("INBOX, .Odd names"), e.getMessage());
            assertThrows(
                    IOException.class,
                    () -> dump.write(snapshot, "nobody", "", DumpFormat.MBOX, OutputStream.nullOutputStream()));
            FolderEntry inbox = new SnapshotWalker(blobs(f)::get, snapshot.separator()).folder(snapshot, CRAFTED, "");
            for (String top : List.of("../escape", "/abs", "a/../b", "a//b")) {
                assertThrows(
                        IOException.class,
                        () -> new MaildirTarWriter(blobs(f)::get).write(inbox, top, OutputStream.nullOutputStream()),
                        top);
            }
        }
    }

    private Snapshot backup(BackupFixture f) throws IOException {
        BackupResult result = f.backup(store);
        assertFalse(result.partial(), result.problems().toString());
        return result.snapshot();
    }

    private static BlobStore blobs(BackupFixture f) {
        return f.repository.openBlobStore(f.catalog.blobs());
    }

    private FolderKey someMailgenFolder() throws IOException {
        try (Stream<Path> found = Files.walk(store)) {
            Path dir = found.filter(p -> p.getFileName().toString().startsWith(".")
                            && Files.isDirectory(p)
                            && !p.toString().contains("crafted.example"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
            String mailbox = store.relativize(dir.getParent()).toString();
            return new FolderKey(mailbox, dir.getFileName().toString());
        }
    }

    private Path folderDir(FolderKey key) {
        Path root = store.resolve(key.mailbox());
        return key.folder().isEmpty() ? root : root.resolve(key.folder());
    }

    /** The folder's message files in manifest order: by base, as UTF-8 bytes. */
    private static List<Path> messageFiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("cur", "new")) {
            try (Stream<Path> s = Files.list(folder.resolve(sub))) {
                s.forEach(files::add);
            }
        }
        BaseNames bases = BaseNames.DOVECOT;
        files.sort(Comparator.comparing(p -> bases.baseOf(p.getFileName().toString()), BaseNames.ORDER));
        return files;
    }

    private static List<String> tar(Path archive, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(List.of(args));
        command.add(archive.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + output);
        return output.isEmpty() ? List.of() : List.of(output.split("\n"));
    }

    /**
     * A mailbox whose INBOX holds mbox-hostile messages and whose {@code .Odd names} folder holds file names tar
     * must carry in pax headers: longer than 100 bytes, non-ASCII, blanks and quotes; mtimes with nanoseconds.
     */
    private static void craftMailbox(Path root, Random random) throws IOException {
        for (Path dir : List.of(root, root.resolve(".Odd names"))) {
            for (String sub : List.of("cur", "new", "tmp")) {
                Files.createDirectories(dir.resolve(sub));
            }
        }
        Files.writeString(root.resolve(".Odd names/maildirfolder"), "");
        Files.writeString(root.resolve(".Odd names/dovecot-uidlist"), "3 V1 N1 G0\n");
        Instant t = Instant.parse("2024-01-05T03:04:05.123456789Z");
        message(
                root,
                "cur/1704423845.M1P1.host,S=1:2,S",
                t,
                "Return-Path: <bounce@lists.example>\nFrom: \"A\" <a@example.org>\nSubject: one\n\nFrom here\n"
                        + ">From there\n>>From far\nFrom\n From x\nend\n");
        message(
                root,
                "cur/1704510245.M2P2.host:2,RS",
                t.plusSeconds(86400),
                "From: Carol <carol@example.net>\r\nSubject: crlf\r\n\r\nFrom crlf\r\n>From q\r\nbye\r\n");
        message(
                root,
                "cur/1704596645.M3P3.host:2,",
                t.plusSeconds(2 * 86400),
                "Subject: no final newline\n\nlast line without LF");
        message(root, "new/1704683045.M4P4.host", t.plusSeconds(3 * 86400), "Subject: header only, no body");
        StringBuilder big = new StringBuilder("From: Big <big@example.com>\nSubject: big\n\n");
        while (big.length() < 700_000) {
            big.append(random.nextInt(5) == 0 ? "From the body " : ">".repeat(random.nextInt(3)) + "text ")
                    .append(random.nextInt(1_000_000))
                    .append('\n');
        }
        message(root, "cur/1704769445.M5P5.host:2,F", t.plusSeconds(4 * 86400), big.toString());

        Path odd = root.resolve(".Odd names");
        message(odd, "cur/1704423846." + "long".repeat(30) + ".host,S=20:2,S", t.plusNanos(1), "Subject: long\n\nx\n");
        message(odd, "cur/1704423847.M7P7.hôst-ü€:2,RS", t.plusNanos(2), "Subject: unicode\n\nx\n");
        message(odd, "cur/1704423848 with blanks & 'quotes' \"dq\" #$%=:2,", t.plusNanos(3), "Subject: odd\n\nx\n");
        message(odd, "new/1704423849.M9P9.host", t.plusNanos(4), "Subject: new\n\nx\n");
        Files.setLastModifiedTime(odd.resolve("dovecot-uidlist"), FileTime.from(t.plusNanos(5)));
    }

    private static void message(Path folder, String relative, Instant mtime, String content) throws IOException {
        Path file = folder.resolve(relative);
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(file, FileTime.from(mtime));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
