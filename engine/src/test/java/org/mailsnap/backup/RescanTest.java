package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.mailgen.StoreTree;
import org.mailsnap.model.FolderKey;
import org.mailsnap.restore.RestoreMode;

/**
 * {@code backup --rescan}: for sites whose tools rewrite messages in place (same name, new bytes), every file is read
 * again, a changed one is stored as a new version and reported, and the snapshot restores the new bytes.
 */
class RescanTest {
    @TempDir
    Path tmp;

    @Test
    void messageRewrittenInPlaceIsFoundStoredAndReported() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Path archive = Maildirs.folder(inbox, ".Archive");
        Maildirs.message(inbox, "cur", "1700000001.M1P1.h:2,S");
        Path rewritten = Maildirs.message(inbox, "cur", "1700000002.M2P1.h:2,S");
        Maildirs.message(archive, "cur", "1700000003.M3P1.h:2,S");
        BackupSettings.Builder settings =
                BackupSettings.builder(store, "testhost").threads(2);
        BackupSettings plain = settings.build();
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            BackupResult first = f.backup(plain);
            StoreTree original = Trees.capture(store);

            // A tool strips an attachment (say) and keeps the name and the mtime.
            FileTime mtime = Files.getLastModifiedTime(rewritten);
            Files.writeString(rewritten, "Subject: 1700000002.M2P1.h:2,S\r\n\r\n[attachment removed]\r\n");
            Files.setLastModifiedTime(rewritten, mtime);
            Trees.ageDirectories(store);
            StoreTree changed = Trees.capture(store);

            BackupResult unaware = f.backup(plain);
            assertEquals(0, unaware.progress().messagesRead.get(), "without --rescan known messages are never read");
            assertEquals(0, unaware.progress().changedInPlace.get());

            BackupResult rescan = f.backup(settings.rescan(true).build());
            assertEquals(3, rescan.progress().messagesRead.get(), "--rescan reads every message");
            assertEquals(1, rescan.progress().changedInPlace.get());
            assertTrue(
                    rescan.problems()
                            .contains(
                                    new BackupProblem.ChangedInPlace(new FolderKey("u", ""), "1700000002.M2P1.h:2,S")),
                    rescan.problems().toString());
            assertFalse(rescan.partial());

            Path restoredRescan = tmp.resolve("restore-rescan");
            f.restore(rescan.snapshotId(), null, restoredRescan, RestoreMode.EMPTY_TARGET);
            assertEquals(
                    List.of(),
                    Trees.diff(changed, Trees.capture(restoredRescan), p -> false),
                    "the rescanned snapshot has the new bytes");
            Path restoredFirst = tmp.resolve("restore-first");
            f.restore(first.snapshotId(), null, restoredFirst, RestoreMode.EMPTY_TARGET);
            assertEquals(
                    List.of(),
                    Trees.diff(original, Trees.capture(restoredFirst), p -> false),
                    "the earlier snapshot keeps the old bytes");

            // The catalog now knows the new version: moving the message reuses it without reading.
            Files.move(rewritten, archive.resolve("cur/1700000002.M2P1.h:2,S"));
            Trees.ageDirectories(store);
            int opens = f.files.opens();
            BackupResult moved = f.backup(plain);
            assertEquals(opens, f.files.opens());
            assertEquals(1, moved.progress().movedIn.get());
            Path restoredMoved = tmp.resolve("restore-moved");
            f.restore(moved.snapshotId(), null, restoredMoved, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), Trees.diff(Trees.capture(store), Trees.capture(restoredMoved), p -> false));
        }
    }
}
