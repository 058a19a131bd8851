package org.mailsnap.restore;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.backup.Trees;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.mailgen.StoreTree;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.SnapshotId;

/**
 * Restores into a live mailbox that changed since the snapshot (messages expunged, one moved to another folder, flags
 * changed, keywords renumbered, a folder deleted), and restores of one folder or one message.
 *
 * <p>A merge must bring back exactly the expunged messages, never a second file with a base the mailbox holds
 * anywhere, modify nothing that exists, write keyword letters that mean the same names in the live folder, and
 * create a deleted folder the way Dovecot would find it.
 */
class MergeRestoreTest {
    private static final int MAIL_UID = 4321;

    @TempDir
    Path tmp;

    private Path store;
    private Path mailbox;
    private BackupFixture fixture;
    private SnapshotId snapshot;
    /** The mailbox at the snapshot's moment. */
    private StoreTree atSnapshot;

    @BeforeEach
    void backUpThenChange() throws IOException {
        store = tmp.resolve("store");
        mailbox = Maildirs.maildir(store.resolve("u"));
        Path work = Maildirs.folder(mailbox, ".Work");
        Path archive = Maildirs.folder(mailbox, ".Archive");
        Files.writeString(mailbox.resolve("dovecot-keywords"), "0 $Junk\n1 $Important\n2 $Foo\n");
        Files.writeString(mailbox.resolve("dovecot-uidlist"), "3 V1700000000 N8 G00\n1 :1700000001.M1P1.h\n");
        Files.writeString(mailbox.resolve("subscriptions"), "V\t2\n\nWork\nArchive\n");
        Files.writeString(work.resolve("dovecot-keywords"), "0 $Work\n");
        message(mailbox, "cur", "1700000001.M1P1.h:2,S");
        message(mailbox, "cur", "1700000002.M2P1.h:2,Sb"); // $Important
        message(mailbox, "cur", "1700000003.M3P1.h:2,Sc"); // $Foo
        message(mailbox, "cur", "1700000004.M4P1.h:2,S");
        message(mailbox, "cur", "1700000005.M5P1.h:2,S");
        message(mailbox, "new", "1700000006.M6P1.h");
        message(mailbox, "cur", "1700000007.M7P1.h:2,FSXa"); // unknown X, $Junk
        message(work, "cur", "1700000010.M10P1.h:2,Sa"); // $Work
        message(work, "cur", "1700000011.M11P1.h:2,S");
        message(archive, "cur", "1700000020.M20P1.h:2,S");
        message(archive, "cur", "1700000021.M21P1.h:2,RSa"); // a letter the folder has no keyword for
        atSnapshot = Trees.capture(mailbox);
        fixture = new BackupFixture(tmp.resolve("backup"));
        snapshot = fixture.backup(store).snapshotId();

        // The hour since: expunges, a move, a flag change, keywords renumbered, a folder deleted.
        for (String gone : List.of(
                "cur/1700000002.M2P1.h:2,Sb",
                "cur/1700000003.M3P1.h:2,Sc",
                "new/1700000006.M6P1.h",
                "cur/1700000007.M7P1.h:2,FSXa",
                ".Work/cur/1700000010.M10P1.h:2,Sa")) {
            Files.delete(mailbox.resolve(gone));
        }
        Files.move(mailbox.resolve("cur/1700000004.M4P1.h:2,S"), work.resolve("cur/1700000004.M4P1.h:2,S"));
        Files.move(mailbox.resolve("cur/1700000005.M5P1.h:2,S"), mailbox.resolve("cur/1700000005.M5P1.h:2,RS"));
        Files.writeString(mailbox.resolve("dovecot-keywords"), "0 $Important\n1 $Other\n2 $Junk\n");
        Files.delete(work.resolve("dovecot-keywords"));
        deleteTree(archive);
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws IOException {
        fixture.close();
    }

    @Test
    void mergeBringsBackOnlyTheExpungedAndChangesNothingThatExists() throws Exception {
        boolean root = isRoot();
        if (root) {
            // As root, what a restore creates must belong to the mail user who owns the mailbox.
            Files.setAttribute(mailbox, "unix:uid", MAIL_UID);
            Files.setAttribute(mailbox, "unix:gid", MAIL_UID);
        }
        StoreTree live = Trees.capture(mailbox);

        RestoreResult result =
                fixture.restore(snapshot, new RestoreRequest("u", null, null, mailbox, RestoreMode.MERGE));
        StoreTree after = Trees.capture(mailbox);

        List<String> changes = Trees.diff(live, after, p -> false);
        List<String> modified =
                changes.stream().filter(c -> !c.startsWith("unexpected ")).toList();
        assertEquals(List.of(), modified, "nothing that exists is modified or removed");
        Set<String> added = new TreeSet<>(
                changes.stream().map(c -> c.substring("unexpected ".length())).toList());
        assertEquals(
                new TreeSet<>(List.of(
                        "cur/1700000002.M2P1.h:2,Sa", // $Important is 'a' in the live folder now
                        "cur/1700000003.M3P1.h:2,S", // $Foo is not in the live folder: dropped
                        "new/1700000006.M6P1.h",
                        "cur/1700000007.M7P1.h:2,FSXc", // $Junk is 'c' now; X kept verbatim
                        ".Work/cur/1700000010.M10P1.h:2,S", // the live .Work has no keywords file
                        ".Archive",
                        ".Archive/maildirfolder",
                        ".Archive/cur",
                        ".Archive/new",
                        ".Archive/tmp",
                        ".Archive/cur/1700000020.M20P1.h:2,S",
                        ".Archive/cur/1700000021.M21P1.h:2,RS")),
                added);
        assertFalse(added.contains("maildirfolder"), "never a maildirfolder in the root");

        for (String path : added) {
            StoreTree.Entry entry = after.entries().get(path);
            if (entry.kind() == StoreTree.Kind.MESSAGE) {
                StoreTree.Entry original = byBase(atSnapshot, path);
                assertEquals(original.sha256(), entry.sha256(), "the snapshot's bytes: " + path);
                assertEquals(original.mtimeNanos(), entry.mtimeNanos(), "the snapshot's mtime: " + path);
            }
        }
        assertUniqueBases(mailbox);
        assertTmpEmpty(mailbox);

        assertEquals(7, result.messages());
        assertEquals(4, result.skipped(), "1, 4 (moved to .Work), 5 (flags changed), 11");
        assertEquals(0, result.controlFiles(), "a live folder's control files are never touched");
        String notes = String.join("\n", result.notes());
        assertTrue(
                notes.contains("keyword $Foo not in the live folder's dovecot-keywords: not set on 1 message"), notes);
        assertTrue(
                notes.contains("keyword $Work: the live folder has no dovecot-keywords: not set on 1 message"), notes);
        assertTrue(notes.contains("keyword letter 'a' has no name in the snapshot's dovecot-keywords"), notes);
        assertTrue(notes.contains("created folder u|.Archive"), notes);

        if (root) {
            for (String path : List.of(
                    ".Archive",
                    ".Archive/maildirfolder",
                    ".Archive/cur",
                    ".Archive/tmp",
                    ".Archive/cur/1700000020.M20P1.h:2,S",
                    "cur/1700000002.M2P1.h:2,Sa")) {
                assertEquals(
                        MAIL_UID,
                        Files.getAttribute(mailbox.resolve(path), "unix:uid", LinkOption.NOFOLLOW_LINKS),
                        path + " belongs to the mailbox's owner");
            }
        }

        RestoreResult again =
                fixture.restore(snapshot, new RestoreRequest("u", null, null, mailbox, RestoreMode.MERGE));
        assertEquals(0, again.messages(), "a second merge finds everything there");
        assertEquals(List.of(), Trees.diff(after, Trees.capture(mailbox), p -> false));
    }

    @Test
    void oneFolderIntoAnEmptyDirectoryAndMerged() throws Exception {
        Path target = tmp.resolve("work-only");
        RestoreResult result =
                fixture.restore(snapshot, new RestoreRequest("u", ".Work", null, target, RestoreMode.EMPTY_TARGET));
        assertEquals(2, result.messages());
        StoreTree restored = Trees.capture(target);
        List<String> outsideWork = new ArrayList<>();
        for (String path : restored.entries().keySet()) {
            if (!path.startsWith(".Work")) {
                outsideWork.add(path);
            }
        }
        assertEquals(List.of("cur", "new", "tmp"), outsideWork, "the root is an empty Maildir, nothing else");
        assertEquals(
                List.of(),
                Trees.diffUnder(atSnapshot, restored, ".Work/"),
                "the folder as it was: messages, keywords file, maildirfolder");

        StoreTree live = Trees.capture(mailbox);
        RestoreResult merged =
                fixture.restore(snapshot, new RestoreRequest("u", ".Work", null, mailbox, RestoreMode.MERGE));
        assertEquals(1, merged.messages(), "only .Work's expunged message; the INBOX ones stay gone");
        List<String> changes = Trees.diff(live, Trees.capture(mailbox), p -> false);
        assertEquals(List.of("unexpected .Work/cur/1700000010.M10P1.h:2,S"), changes);
    }

    @Test
    void oneMessageIntoAnEmptyDirectoryAndMerged() throws Exception {
        Path target = tmp.resolve("one");
        RestoreResult result = fixture.restore(
                snapshot, new RestoreRequest("u", null, "1700000003.M3P1.h", target, RestoreMode.EMPTY_TARGET));
        assertEquals(1, result.messages());
        StoreTree restored = Trees.capture(target);
        assertEquals(
                List.of("cur/1700000003.M3P1.h:2,Sc"),
                restored.entries(StoreTree.Kind.MESSAGE).stream()
                        .map(StoreTree.Entry::path)
                        .toList(),
                "the message, with its flags of that moment");
        assertEquals(
                atSnapshot.entries().get("cur/1700000003.M3P1.h:2,Sc"),
                restored.entries().get("cur/1700000003.M3P1.h:2,Sc"));
        assertEquals(
                atSnapshot.entries().get("dovecot-keywords"),
                restored.entries().get("dovecot-keywords"),
                "its folder's keywords of the same moment, so its keyword letter means the same");
        assertFalse(Files.exists(target.resolve(".Work")), "no other folder is created");

        StoreTree live = Trees.capture(mailbox);
        RestoreResult merged = fixture.restore(
                snapshot, new RestoreRequest("u", null, "1700000007.M7P1.h", mailbox, RestoreMode.MERGE));
        assertEquals(1, merged.messages());
        assertEquals(
                List.of("unexpected cur/1700000007.M7P1.h:2,FSXc"),
                Trees.diff(live, Trees.capture(mailbox), p -> false));

        RestoreResult present = fixture.restore(
                snapshot, new RestoreRequest("u", null, "1700000004.M4P1.h", mailbox, RestoreMode.MERGE));
        assertEquals(0, present.messages(), "moved to .Work since: not put back in INBOX");
        assertEquals(1, present.skipped());

        Path nowhere = tmp.resolve("nowhere");
        IOException e = assertThrows(
                IOException.class,
                () -> fixture.restore(
                        snapshot,
                        new RestoreRequest("u", null, "1799999999.M9P9.h", nowhere, RestoreMode.EMPTY_TARGET)));
        assertTrue(e.getMessage().contains("1799999999.M9P9.h"), e.getMessage());
        assertFalse(Files.exists(nowhere), "nothing is written for a message the snapshot does not have");
        IOException noFolder = assertThrows(
                IOException.class,
                () -> fixture.restore(
                        snapshot, new RestoreRequest("u", ".Nope", null, nowhere, RestoreMode.EMPTY_TARGET)));
        assertTrue(noFolder.getMessage().contains(".Nope"), noFolder.getMessage());
        assertFalse(Files.exists(nowhere));
    }

    /** The entry of the snapshot's moment with the same folder and base as {@code path}. */
    private static StoreTree.Entry byBase(StoreTree tree, String path) {
        int slash = path.lastIndexOf('/');
        String dir = path.substring(0, slash - 3); // without "cur" / "new"
        String base = BaseNames.DOVECOT.baseOf(path.substring(slash + 1));
        for (StoreTree.Entry e : tree.entries(StoreTree.Kind.MESSAGE)) {
            int s = e.path().lastIndexOf('/');
            if (e.path().substring(0, s - 3).equals(dir)
                    && BaseNames.DOVECOT.baseOf(e.name()).equals(base)) {
                return e;
            }
        }
        throw new AssertionError("no message with the base of " + path + " at the snapshot's moment");
    }

    private static void assertUniqueBases(Path mailbox) throws IOException {
        Map<String, String> seen = new HashMap<>();
        try (Stream<Path> all = Files.walk(mailbox)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String dir =
                        p.getParent() == null ? "" : p.getParent().getFileName().toString();
                if (Files.isRegularFile(p) && (dir.equals("cur") || dir.equals("new"))) {
                    String base = BaseNames.DOVECOT.baseOf(p.getFileName().toString());
                    String before = seen.put(base, p.toString());
                    assertNull(before, "two files with base " + base + ": " + before + " and " + p);
                }
            }
        }
    }

    private static void assertTmpEmpty(Path mailbox) throws IOException {
        try (Stream<Path> all = Files.walk(mailbox)) {
            List<Path> leftovers = all.filter(p -> p.getParent() != null
                            && p.getParent().getFileName().toString().equals("tmp"))
                    .toList();
            assertEquals(List.of(), leftovers, "no file left in tmp/");
        }
    }

    private static void message(Path folder, String sub, String name) throws IOException {
        Path file = Maildirs.message(folder, sub, name);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + name.hashCode() % 1_000_000L));
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
