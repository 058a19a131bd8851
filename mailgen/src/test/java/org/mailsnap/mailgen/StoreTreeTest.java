package org.mailsnap.mailgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTreeTest {
    private static final String MESSAGE = "cur/1700.M1P2.host,S=10:2,S";

    @TempDir
    Path temp;

    Path mailbox;

    @BeforeEach
    void mailbox() throws IOException {
        mailbox = temp.resolve("mailbox");
        for (String dir : List.of("cur", "new", "tmp", ".Sent/cur", ".Sent/new", ".Sent/tmp")) {
            Files.createDirectories(mailbox.resolve(dir));
        }
        write(MESSAGE, "0123456789", "2023-11-14T22:13:20.123456789Z");
        write("new/1701.M5P2.host,S=3", "abc", "2023-11-26T07:00:00Z");
        write(
                "dovecot-uidlist",
                "3 V1 N3 G00\n1 :1700.M1P2.host,S=10\n2 :1701.M5P2.host,S=3\n",
                "2023-11-26T07:00:01Z");
        write(".Sent/maildirfolder", "", "2023-01-01T00:00:00Z");
    }

    private void write(String path, String content, String mtime) throws IOException {
        Path file = Files.writeString(mailbox.resolve(path), content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(mtime)));
    }

    @Test
    void recordsPathsKindsSizesDigestsAndNanosecondMtimes() throws IOException {
        StoreTree tree = StoreTree.capture(mailbox);

        StoreTree.Entry message = tree.entries().get(MESSAGE);
        assertEquals(StoreTree.Kind.MESSAGE, message.kind());
        assertEquals(10, message.size());
        assertEquals("84d89877f0d4041efb6bf91a16f0248f2fd573e6af05c19f96bedb9f882f7882", message.sha256());
        assertEquals(
                Instant.parse("2023-11-14T22:13:20.123456789Z"),
                Instant.ofEpochSecond(0, message.mtimeNanos()),
                "ext4 and tmpfs keep nanoseconds");
        assertEquals(
                StoreTree.Kind.CONTROL_FILE,
                tree.entries().get("dovecot-uidlist").kind());
        assertEquals(StoreTree.Kind.DIRECTORY, tree.entries().get(".Sent/tmp").kind());
        assertEquals(2, tree.entries(StoreTree.Kind.MESSAGE).size());
    }

    @Test
    void leavesOutTmpContentsLocksAndIndexCaches() throws IOException {
        StoreTree before = StoreTree.capture(mailbox);
        Files.writeString(mailbox.resolve("tmp/1702.M1P1.host"), "half written");
        Files.writeString(mailbox.resolve("dovecot-uidlist.lock"), "123:host");
        Files.writeString(mailbox.resolve("dovecot.index.log"), "cache");
        Files.writeString(mailbox.resolve("dovecot.list.index"), "cache");

        assertEquals(
                List.of("mtime differs tmp"),
                before.diff(StoreTree.capture(mailbox.toAbsolutePath())).stream()
                        .map(line -> line.substring(0, line.indexOf(':')))
                        .toList(),
                "only tmp/'s own mtime changed");
    }

    @Test
    void aCopyWithItsMtimesIsEqual() throws IOException {
        Path copy = temp.resolve("copy");
        copyTree(mailbox, copy);
        StoreTree original = StoreTree.capture(mailbox);
        StoreTree copied = StoreTree.capture(copy);

        assertEquals(original, copied);
        assertEquals(original.hashCode(), copied.hashCode());
        assertEquals(List.of(), original.diff(copied));
    }

    @Test
    void diffNamesEachDifferenceReadably() throws IOException {
        Path copy = temp.resolve("copy");
        copyTree(mailbox, copy);
        StoreTree expected =
                StoreTree.capture(mailbox, StoreTree.Options.exact().ignoringDirectoryMtimes());

        Files.delete(copy.resolve(MESSAGE));
        Files.writeString(copy.resolve("cur/1700.M1P2.host,S=10:2,RS"), "0123456789");
        Files.writeString(copy.resolve("new/1701.M5P2.host,S=3"), "abd");
        Files.setLastModifiedTime(
                copy.resolve("new/1701.M5P2.host,S=3"), FileTime.from(Instant.parse("2023-11-26T07:00:00Z")));
        Files.writeString(copy.resolve("dovecot-uidlist"), "3 V1 N4 G00\n");
        Files.setLastModifiedTime(
                copy.resolve(".Sent/maildirfolder"), FileTime.from(Instant.parse("2023-01-01T00:00:01Z")));
        StoreTree actual = StoreTree.capture(copy, StoreTree.Options.exact().ignoringDirectoryMtimes());

        List<String> diff = expected.diff(actual);
        assertEquals(
                List.of(
                        "mtime differs .Sent/maildirfolder: 2023-01-01T00:00:00Z vs 2023-01-01T00:00:01Z",
                        "unexpected cur/1700.M1P2.host,S=10:2,RS",
                        "missing " + MESSAGE),
                diff.subList(0, 3));
        assertTrue(diff.get(3).startsWith("size differs dovecot-uidlist: 57 vs 12"), diff.get(3));
        assertTrue(diff.get(4).startsWith("mtime differs dovecot-uidlist: 2023-11-26T07:00:01Z vs "), diff.get(4));
        assertEquals("content differs new/1701.M5P2.host,S=3", diff.get(5));
        assertEquals(6, diff.size(), diff.toString());
        assertNotEquals(expected, actual);
    }

    @Test
    void ignoredMtimesMatchWhateverTheyAre() throws IOException {
        StoreTree.Options options =
                StoreTree.Options.exact().ignoringMtimesOf(StoreTree.Kind.DIRECTORY, StoreTree.Kind.CONTROL_FILE);
        StoreTree before = StoreTree.capture(mailbox, options);
        Files.setLastModifiedTime(mailbox.resolve("dovecot-uidlist"), FileTime.from(Instant.now()));
        Files.setLastModifiedTime(mailbox.resolve("cur"), FileTime.from(Instant.now()));

        assertEquals(before, StoreTree.capture(mailbox, options));
        assertNotEquals(StoreTree.capture(mailbox, options), StoreTree.capture(mailbox));
        assertTrue(StoreTree.capture(mailbox, options)
                .diff(StoreTree.capture(mailbox))
                .get(0)
                .startsWith("captured with different options"));
    }

    @Test
    void capturingSomethingThatIsNotADirectoryIsAClearError() {
        Path missing = temp.resolve("nowhere");
        IOException e = assertThrows(IOException.class, () -> StoreTree.capture(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                Files.copy(source, target);
            }
        }
        // Files.copy's COPY_ATTRIBUTES keeps only microseconds; set every mtime afterwards, directories last.
        try (var paths = Files.walk(from)) {
            for (Path source : paths.sorted(java.util.Comparator.comparing(Files::isDirectory))
                    .toList()) {
                Files.setLastModifiedTime(
                        to.resolve(from.relativize(source).toString()), Files.getLastModifiedTime(source));
            }
        }
    }

    @Test
    void theDigestChangesWithAnyEntryAndRememberedMessagesAreNotReadAgain() throws IOException {
        StoreTree.Options options = StoreTree.Options.exact().ignoringDirectoryMtimes();
        StoreTree.MessageDigests known = new StoreTree.MessageDigests();
        StoreTree first = StoreTree.capture(mailbox, options, known);
        assertEquals(2, known.size());
        assertEquals(
                java.util.HexFormat.of().formatHex(first.digest()),
                java.util.HexFormat.of()
                        .formatHex(StoreTree.capture(mailbox, options).digest()),
                "same tree");

        Files.move(mailbox.resolve(MESSAGE), mailbox.resolve("cur/1700.M1P2.host,S=10:2,FS"));
        StoreTree renamed = StoreTree.capture(mailbox, options, known);
        assertEquals(2, known.size(), "a rename keeps base, inode, size and mtime: remembered");
        assertNotEquals(
                java.util.HexFormat.of().formatHex(first.digest()),
                java.util.HexFormat.of().formatHex(renamed.digest()));

        write("tmp/replacement", "9876543210", "2023-11-14T22:13:20.123456789Z");
        Files.move(
                mailbox.resolve("tmp/replacement"),
                mailbox.resolve("cur/1700.M1P2.host,S=10:2,FS"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        StoreTree rewritten = StoreTree.capture(mailbox, options, known);
        assertEquals(
                StoreTree.capture(mailbox, options).entries(),
                rewritten.entries(),
                "same name, size and mtime but another file with other content: read again (its inode differs)");
    }
}
