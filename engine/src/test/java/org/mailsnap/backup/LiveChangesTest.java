package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.maildir.CountingMessageFiles;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.maildir.MessageFiles;
import org.mailsnap.maildir.lock.FolderLocker;
import org.mailsnap.mailgen.StoreTree;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.restore.RestoreMode;

/**
 * A live store changes while it is backed up: files are renamed and expunged between the locked listing and the
 * reading of their bytes, folders are deleted or renamed during and between runs. Each snapshot must still be a
 * consistent moment that restores exactly, and nothing already stored is read again.
 */
class LiveChangesTest {
    @TempDir
    Path tmp;

    /** Does something to the store just before the first stat of a listed file whose name is a key. */
    private static final class Interfering implements MessageFiles {
        final CountingMessageFiles counted;
        final Map<String, IoAction> beforeStat = new HashMap<>();

        Interfering(CountingMessageFiles counted) {
            this.counted = counted;
        }

        @Override
        public InputStream open(Path file) throws IOException {
            return counted.open(file);
        }

        @Override
        public BasicFileAttributes stat(Path file) throws IOException {
            IoAction action;
            synchronized (beforeStat) {
                action = beforeStat.remove(file.getFileName().toString());
            }
            if (action != null) {
                action.run();
            }
            return counted.stat(file);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    @Test
    void filesRenamedBetweenListingAndReadingAreFoundByBase() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Maildirs.message(inbox, "new", "1700000001.M1P1.h");
        Maildirs.message(inbox, "cur", "1700000002.M2P1.h:2,S");
        Maildirs.message(inbox, "cur", "1700000003.M3P1.h:2,");
        StoreTree listed = Trees.capture(store);
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            Interfering files = new Interfering(f.files);
            // Dovecot picks one up into cur/ and changes the flags of another after the lock is released.
            files.beforeStat.put(
                    "1700000001.M1P1.h",
                    () -> Files.move(
                            inbox.resolve("new/1700000001.M1P1.h"), inbox.resolve("cur/1700000001.M1P1.h:2,S")));
            files.beforeStat.put(
                    "1700000002.M2P1.h:2,S",
                    () -> Files.move(
                            inbox.resolve("cur/1700000002.M2P1.h:2,S"), inbox.resolve("cur/1700000002.M2P1.h:2,RS")));
            BackupResult first = f.backup(settings(store), files, FolderLocker.none());
            assertTrue(files.beforeStat.isEmpty(), "both renames happened");
            assertFalse(first.partial(), first.problems().toString());
            assertEquals(3, first.progress().messagesRead.get());
            assertEquals(0, first.progress().vanished.get());
            Path moment = tmp.resolve("restore-1");
            f.restore(first.snapshotId(), null, moment, RestoreMode.EMPTY_TARGET);
            assertEquals(
                    List.of(),
                    Trees.diff(listed, Trees.capture(moment), p -> false),
                    "the snapshot is the listing's moment: names as listed, bytes read after the renames");

            Trees.ageDirectories(store);
            StoreTree now = Trees.capture(store);
            int opens = f.files.opens();
            BackupResult second = f.backup(settings(store));
            assertEquals(opens, f.files.opens(), "the renamed messages are known: not opened again");
            assertEquals(2, second.progress().renamed.get());
            Path later = tmp.resolve("restore-2");
            f.restore(second.snapshotId(), null, later, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), Trees.diff(now, Trees.capture(later), p -> false));
        }
    }

    @Test
    void fileExpungedBetweenListingAndReadingIsCountedAndLeftOut() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        for (int i = 1; i <= 4; i++) {
            Maildirs.message(inbox, "cur", "170000000" + i + ".M" + i + "P1.h:2,S");
        }
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            Interfering files = new Interfering(f.files);
            files.beforeStat.put(
                    "1700000003.M3P1.h:2,S", () -> Files.delete(inbox.resolve("cur/1700000003.M3P1.h:2,S")));
            BackupResult result = f.backup(settings(store), files, FolderLocker.none());
            assertFalse(result.partial(), "an expunge is no failure: " + result.problems());
            assertEquals(
                    1, result.progress().recaptured.get(), "the listing lost a message: the mailbox is listed again");
            assertEquals(0, result.progress().vanished.get(), "the second listing has only what is really there");
            assertEquals(3, result.progress().messagesRead.get(), "what the first capture read is not read again");
            assertEquals(3, result.snapshot().stats().messages());
            List<String> names = f.placements(result.snapshotId()).get(new FolderKey("u", "")).stream()
                    .map(Placement::name)
                    .toList();
            assertFalse(names.contains("1700000003.M3P1.h:2,S"), names.toString());
            Path target = tmp.resolve("restored");
            f.restore(result.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), Trees.diff(Trees.capture(store), Trees.capture(target), p -> false));
        }
    }

    @Test
    void messageGivenANewBaseBetweenListingAndReadingIsInTheSnapshotUnderIt() throws Exception {
        // Dovecot renames a file to a new base when it finds the base twice ("Fixed a duplicate"), and a message
        // can move on faster than a search by base follows it: the listed base is then nowhere, the message is.
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Path work = Maildirs.folder(inbox, ".Work");
        Maildirs.message(inbox, "cur", "1700000001.M1P1.h:2,S");
        Maildirs.message(inbox, "cur", "1700000002.M2P1.h:2,S");
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            Interfering files = new Interfering(f.files);
            files.beforeStat.put(
                    "1700000002.M2P1.h:2,S",
                    () -> Files.move(
                            inbox.resolve("cur/1700000002.M2P1.h:2,S"), work.resolve("cur/1700000099.M99P1.h:2,RS")));
            BackupResult result = f.backup(settings(store), files, FolderLocker.none());
            assertTrue(files.beforeStat.isEmpty(), "the rename happened");
            assertFalse(result.partial(), result.problems().toString());
            assertEquals(1, result.progress().recaptured.get());
            assertEquals(0, result.progress().vanished.get());
            assertEquals(
                    2, result.progress().messagesRead.get(), "the message left in place once, the renamed one once");
            Path target = tmp.resolve("restored");
            f.restore(result.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(
                    List.of(),
                    Trees.diff(Trees.capture(store), Trees.capture(target), p -> false),
                    "the snapshot is the second listing's moment, with the message under its new base");
        }
    }

    @Test
    void messageThatKeepsVanishingIsLeftOutAfterTheLastCapture() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Maildirs.message(inbox, "cur", "1700000001.M1P1.h:2,S");
        Maildirs.message(inbox, "cur", "1700000100.M100P1.h:2,S");
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            Interfering files = new Interfering(f.files);
            renameOnEveryRead(files, inbox, 100);
            BackupResult result = f.backup(settings(store), files, FolderLocker.none());
            assertFalse(result.partial(), result.problems().toString());
            assertEquals(
                    MailboxRun.MAX_CAPTURES - 1, result.progress().recaptured.get(), "the captures are bounded");
            assertEquals(1, result.progress().vanished.get(), "the last capture's lost message is counted");
            assertEquals(1, result.snapshot().stats().messages(), "and left out");
        }
    }

    /** Before each read of the message with base number {@code n}, gives it the next base number. */
    private static void renameOnEveryRead(Interfering files, Path inbox, int n) {
        String name = "17000001" + String.format("%02d", n % 100) + ".M" + n + "P1.h:2,S";
        String next = "17000001" + String.format("%02d", (n + 1) % 100) + ".M" + (n + 1) + "P1.h:2,S";
        synchronized (files.beforeStat) {
            files.beforeStat.put(name, () -> {
                Files.move(inbox.resolve("cur/" + name), inbox.resolve("cur/" + next));
                renameOnEveryRead(files, inbox, n + 1);
            });
        }
    }

    @Test
    void folderDeletedWhileItsMessagesAreReadThenGoneNextRun() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Path trash = Maildirs.folder(inbox, ".Trash");
        Maildirs.message(inbox, "cur", "1700000001.M1P1.h:2,S");
        Maildirs.message(trash, "cur", "1700000002.M2P1.h:2,ST");
        Maildirs.message(trash, "cur", "1700000003.M3P1.h:2,ST");
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            Interfering files = new Interfering(f.files);
            files.beforeStat.put("1700000002.M2P1.h:2,ST", () -> deleteTree(trash));
            // one reader: the second message of .Trash is read after the deletion, in base order
            BackupResult first = f.backup(
                    BackupSettings.builder(store, "testhost").threads(1).build(), files, FolderLocker.none());
            assertFalse(first.partial(), first.problems().toString());
            assertEquals(1, first.progress().recaptured.get(), "both messages of the deleted folder vanished");
            assertEquals(0, first.progress().vanished.get(), "the second capture has no such folder");
            assertTrue(
                    first.problems().stream()
                            .anyMatch(p -> p instanceof BackupProblem.FolderNotCaptured c
                                    && c.problem().folder().folder().equals(".Trash")
                                    && c.message().contains("vanished")),
                    first.problems().toString());
            assertEquals(1, first.progress().messagesRead.get());
            SortedMap<FolderKey, List<Placement>> placements = f.placements(first.snapshotId());
            assertEquals(List.of(), placements.getOrDefault(new FolderKey("u", ".Trash"), List.of()));
            assertEquals(1, placements.get(new FolderKey("u", "")).size());

            BackupResult second = f.backup(settings(store));
            assertEquals(
                    List.of(new FolderKey("u", "")),
                    List.copyOf(f.placements(second.snapshotId()).keySet()));
            Path target = tmp.resolve("restored");
            f.restore(second.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), Trees.diff(Trees.capture(store), Trees.capture(target), p -> false));
        }
    }

    @Test
    void folderDeletedBetweenDiscoveryAndListingIsReportedAndDropped() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Path trash = Maildirs.folder(inbox, ".Trash");
        Maildirs.message(inbox, "cur", "1700000001.M1P1.h:2,S");
        Maildirs.message(trash, "cur", "1700000002.M2P1.h:2,ST");
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            BackupResult first = f.backup(settings(store));
            assertEquals(2, first.snapshot().stats().folders());
            Maildirs.message(inbox, "new", "1700000003.M3P1.h");
            // The folders were found; the user deletes .Trash before the run locks and lists it.
            FolderLocker deletingTrash = (folder, dir) -> {
                if (folder.folder().isEmpty() && Files.exists(trash)) {
                    deleteTree(trash);
                }
                return FolderLocker.none().lock(folder, dir);
            };
            BackupResult second = f.backup(settings(store), f.files, deletingTrash);
            assertFalse(Files.exists(trash));
            assertTrue(
                    second.problems().stream()
                            .anyMatch(p -> p instanceof BackupProblem.FolderNotCaptured c
                                    && c.problem().folder().folder().equals(".Trash")
                                    && c.message().contains("vanished")),
                    second.problems().toString());
            assertEquals(
                    List.of(new FolderKey("u", "")),
                    List.copyOf(f.placements(second.snapshotId()).keySet()));
            Path target = tmp.resolve("restored");
            f.restore(second.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), Trees.diff(Trees.capture(store), Trees.capture(target), p -> false));
        }
    }

    @Test
    void folderRenamedBetweenRunsIsBackedUpWithoutReadingItsMessages() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Path old = Maildirs.folder(inbox, ".Projects");
        Maildirs.message(inbox, "cur", "1700000001.M1P1.h:2,S");
        for (int i = 2; i <= 6; i++) {
            Maildirs.message(old, "cur", "170000000" + i + ".M" + i + "P1.h:2,S");
        }
        Files.writeString(old.resolve("dovecot-uidlist"), "3 V1 N6 G00\n");
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            BackupResult first = f.backup(settings(store));
            StoreTree before = Trees.capture(store);
            Files.move(old, inbox.resolve(".Archive"));
            Trees.ageDirectories(store);
            int opens = f.files.opens();
            int stats = f.files.stats();
            BackupResult second = f.backup(settings(store));
            assertEquals(opens, f.files.opens(), "messages moved by the rename are not opened again");
            assertEquals(stats, f.files.stats(), "nor stat'ed");
            assertEquals(5, second.progress().movedIn.get());
            assertEquals(5, second.progress().gone.get());
            assertEquals(
                    List.of(new FolderKey("u", ""), new FolderKey("u", ".Archive")),
                    List.copyOf(f.placements(second.snapshotId()).keySet()),
                    "the old name is gone");

            Path restoredFirst = tmp.resolve("restore-1");
            f.restore(first.snapshotId(), null, restoredFirst, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), Trees.diff(before, Trees.capture(restoredFirst), p -> false));
            Path restoredSecond = tmp.resolve("restore-2");
            f.restore(second.snapshotId(), null, restoredSecond, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), Trees.diff(Trees.capture(store), Trees.capture(restoredSecond), p -> false));
        }
    }

    @Test
    void folderRenamedDuringTheRunIsPickedUpByTheNextWithoutReading() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Path old = Maildirs.folder(inbox, ".Projects");
        Maildirs.message(inbox, "cur", "1700000001.M1P1.h:2,S");
        Maildirs.message(old, "cur", "1700000002.M2P1.h:2,S");
        Maildirs.message(old, "cur", "1700000003.M3P1.h:2,RS");
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            f.backup(settings(store));
            Maildirs.message(inbox, "new", "1700000004.M4P1.h");
            FolderLocker renaming = (folder, dir) -> {
                if (folder.folder().isEmpty() && Files.exists(old)) {
                    Files.move(old, inbox.resolve(".Done"));
                }
                return FolderLocker.none().lock(folder, dir);
            };
            BackupResult during = f.backup(settings(store), f.files, renaming);
            assertEquals(
                    List.of(new FolderKey("u", "")),
                    List.copyOf(f.placements(during.snapshotId()).keySet()),
                    "the folder was found under its old name, gone when listed: not in this snapshot");
            int opens = f.files.opens();
            BackupResult next = f.backup(settings(store));
            assertEquals(opens, f.files.opens(), "its messages are known to the mailbox: not read again");
            assertEquals(2, next.progress().movedIn.get());
            Path target = tmp.resolve("restored");
            f.restore(next.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), Trees.diff(Trees.capture(store), Trees.capture(target), p -> false));
        }
    }

    private static BackupSettings settings(Path store) {
        return BackupSettings.builder(store, "testhost").threads(2).build();
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
