package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.*;
import static org.mailsnap.maildir.ByteTrees.findPrint0;
import static org.mailsnap.maildir.ByteTrees.tree;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.fs.FileNames;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.NameBytes;
import org.mailsnap.model.Placement;
import org.mailsnap.restore.RestoreMode;

/**
 * Issue 12 section 2: file names are the kernel's bytes from listing to snapshot to restore. Names that are valid
 * UTF-8 but not ASCII, and names with bytes that are not UTF-8 at all (in a message name, a folder and a mailbox),
 * come back byte for byte; two names that differ only in such bytes stay two messages.
 */
class NamesAsBytesRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void namesRoundTripByteForByte() throws Exception {
        Path store = tmp.resolve("store");
        Path alice = Maildirs.maildir(store.resolve("alice"));
        Path bob = Maildirs.maildir(dir(store, bytes("b\u00f3b"))); // valid UTF-8, not ASCII
        Path carol = Maildirs.maildir(dir(store, hex("6361726f6cff"))); // "carol\xff": not UTF-8
        Path archive = Maildirs.maildir(dir(alice, hex("2e417263689e76"))); // ".Arch\x9ev" (Latin-1 was é)
        Files.write(FileNames.child(archive, "maildirfolder"), new byte[0]);

        message(alice, "cur", bytes("1700000001.M1P1.h\u00f3st:2,S"));
        message(alice, "cur", hex("313730303030303030322e4d3250312e68e97374") /* h\xe9st */, ":2,S");
        message(alice, "cur", hex("313730303030303030322e4d3250312e68e87374") /* h\xe8st */, ":2,S");
        message(alice, "new", hex("313730303030303030332e4d3350312e68fffe")); // h\xff\xfe, no info
        message(alice, "cur", bytes("1700000004.M4P1.\ud83d\ude00:2,RS")); // 4-byte UTF-8
        message(alice, "cur", hex("313730303030303030352e4d3550312eeda080") /* encoded surrogate */, ":2,S");
        message(alice, "cur", hex("313730303030303030362e4d3650312ec0af") /* overlong '/' */, ":2,S");
        message(alice, "cur", bytes("1700000007.M7P1.host:2,S"), hex("e9")); // the info is not UTF-8 either
        message(alice, "cur", bytes("1700000008.M8P1.\ud83d\udce7:2,S")); // low half looks like an escape
        message(archive, "cur", hex("313730303030303031302e4d313050312e8081"), ":2,S");
        message(bob, "cur", bytes("1700000020.M20P1.b\u00f3b:2,"));
        message(carol, "new", hex("313730303030303033302e4d333050312ec3")); // a truncated sequence
        SortedMap<String, String> before = tree(store);
        assertEquals(before.size(), findPrint0(store).size(), "the test reads the tree as find(1) does");

        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            BackupResult first = f.backup(store);
            assertFalse(first.partial(), first.problems().toString());
            assertEquals(List.of(), first.problems());
            assertEquals(12, first.progress().messagesRead.get(), "every name is its own message");

            SortedMap<FolderKey, List<Placement>> placements = f.placements(first.snapshotId());
            List<String> aliceNames = placements.get(new FolderKey("alice", "")).stream()
                    .map(Placement::name)
                    .collect(Collectors.toList());
            assertTrue(
                    aliceNames.contains(NameBytes.fromBytes(
                            concat(hex("313730303030303030322e4d3250312e68e97374"), bytes(":2,S")))),
                    aliceNames.toString());
            assertTrue(
                    aliceNames.contains(NameBytes.fromBytes(
                            concat(hex("313730303030303030322e4d3250312e68e87374"), bytes(":2,S")))),
                    aliceNames.toString());
            assertTrue(
                    placements.containsKey(new FolderKey(NameBytes.fromBytes(hex("6361726f6cff")), "")),
                    placements.keySet().toString());

            Path target = tmp.resolve("restored");
            f.restore(first.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(before, tree(target), "names and contents restored byte for byte");
            assertEquals(findPrint0(store), findPrint0(target), "find(1) sees the same bytes");

            // A flag change of a name that is not UTF-8 is a rename of a known base: found by its bytes in the
            // catalog, no message read again.
            Trees.ageDirectories(store);
            Path old = FileNames.child(
                    FileNames.child(alice, "cur"),
                    NameBytes.fromBytes(concat(hex("313730303030303030322e4d3250312e68e97374"), bytes(":2,S"))));
            Files.move(
                    old,
                    FileNames.child(
                            FileNames.child(alice, "cur"),
                            NameBytes.fromBytes(
                                    concat(hex("313730303030303030322e4d3250312e68e97374"), bytes(":2,RS")))));
            BackupResult second = f.backup(store);
            assertEquals(List.of(), second.problems());
            assertEquals(0, second.progress().messagesRead.get(), "a rename reads nothing");
            assertEquals(1, second.progress().renamed.get());

            Path again = tmp.resolve("restored-again");
            f.restore(second.snapshotId(), null, again, RestoreMode.EMPTY_TARGET);
            assertEquals(tree(store), tree(again));
            assertEquals(findPrint0(store), findPrint0(again));
        }
    }

    private static Path dir(Path parent, byte[] name) throws IOException {
        return Files.createDirectory(FileNames.child(parent, NameBytes.fromBytes(name)));
    }

    private static void message(Path folder, String sub, byte[]... nameParts) throws IOException {
        byte[] name = concat(nameParts);
        Path file = FileNames.child(FileNames.child(folder, sub), NameBytes.fromBytes(name));
        Files.write(
                file,
                ("Subject: " + HexFormat.of().formatHex(name) + "\r\n\r\nbody\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
    }

    private static void message(Path folder, String sub, byte[] base, String info) throws IOException {
        message(folder, sub, base, bytes(info));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
