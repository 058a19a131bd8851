package org.mailsnap.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.maildir.ModifiedUtf7;
import org.mailsnap.mailgen.StoreTree;

/** {@code restore --as-folder}: a snapshot's folders under a new, subscribed folder of the live mailbox. */
class AsFolderRestoreTest {
    private static final String NAME = "Restored/2026-12-01 10:00";
    private static final String DIR = ".Restored.2026-12-01 10:00";

    @TempDir
    Path tmp;

    @Test
    void theSnapshotsFoldersAppearUnderANewSubscribedFolderAndNothingElseChanges() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Path archive = Maildirs.folder(inbox, ".Archive");
        Maildirs.message(inbox, "cur", "1700000001.M1P1.h:2,Sa");
        Maildirs.message(inbox, "new", "1700000002.M2P1.h");
        Maildirs.message(archive, "cur", "1700000003.M3P1.h:2,RS");
        Files.writeString(inbox.resolve("dovecot-keywords"), "0 $Junk\n");
        Files.writeString(inbox.resolve("dovecot-uidlist"), "3 V1700000000 N3\n1 :1700000001.M1P1.h\n");
        Files.writeString(inbox.resolve("subscriptions"), "V\t2\n\nArchive\n");
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            BackupResult backup = f.backup(store);
            // the mailbox lives on: one message expunged, one delivered
            Files.delete(inbox.resolve("new/1700000002.M2P1.h"));
            Maildirs.message(inbox, "new", "1700000009.M9P1.h");
            StoreTree before = org.mailsnap.backup.Trees.capture(inbox);

            RestoreResult r = f.restore(
                    backup.snapshotId(), new RestoreRequest("u", null, null, inbox, RestoreMode.AS_FOLDER, NAME));
            assertEquals(3, r.messages());
            assertTrue(
                    r.notes().stream().anyMatch(n -> n.contains("Restored/2026-12-01 10:00")),
                    r.notes().toString());

            Path top = inbox.resolve(DIR);
            Path sub = inbox.resolve(DIR + ".Archive");
            assertTrue(Files.exists(top.resolve("maildirfolder")));
            assertTrue(Files.exists(sub.resolve("maildirfolder")));
            assertEquals(List.of("1700000001.M1P1.h:2,Sa"), names(top.resolve("cur")));
            assertEquals(List.of("1700000002.M2P1.h"), names(top.resolve("new")));
            assertEquals(List.of("1700000003.M3P1.h:2,RS"), names(sub.resolve("cur")));
            assertEquals(
                    "0 $Junk\n", Files.readString(top.resolve("dovecot-keywords")), "keyword letters keep meaning");
            assertFalse(Files.exists(top.resolve("dovecot-uidlist")), "Dovecot gives the messages new UIDs");
            assertEquals(List.of(), names(top.resolve("tmp")));
            assertEquals(
                    "V\t2\n\nArchive\nRestored\t2026-12-01 10:00\nRestored\t2026-12-01 10:00\tArchive\n",
                    Files.readString(inbox.resolve("subscriptions")));
            assertFalse(Files.exists(inbox.resolve("subscriptions.lock")));

            StoreTree after = org.mailsnap.backup.Trees.capture(inbox);
            List<String> changed = org.mailsnap.backup.Trees.diff(before, after, p -> false).stream()
                    .filter(d -> !d.startsWith("unexpected " + DIR) && !d.contains("subscriptions"))
                    .toList();
            assertEquals(List.of(), changed, "no other folder changed");

            IOException again = assertThrows(
                    IOException.class,
                    () -> f.restore(
                            backup.snapshotId(),
                            new RestoreRequest("u", null, null, inbox, RestoreMode.AS_FOLDER, NAME)));
            assertTrue(again.getMessage().contains("already has the folder"), again.getMessage());
        }
    }

    @Test
    void namesAreModifiedUtf7AndBadOnesAreRefused() {
        assertEquals("Gr&APwA3w-e", ModifiedUtf7.encode("Grüße"));
        assertEquals("~peter/mail/&U,BTFw-/&ZeVnLIqe-", ModifiedUtf7.encode("~peter/mail/台北/日本語"));
        assertEquals("A&-B", ModifiedUtf7.encode("A&B"));
        assertEquals(
                ".Wiederhergestellt.Gr&APwA3w-e",
                RestoreFolder.parse("Wiederhergestellt/Grüße").directory());
        for (String bad : List.of("", "a//b", "a.b", "INBOX", "~x", "a/")) {
            assertThrows(IllegalArgumentException.class, () -> RestoreFolder.parse(bad), bad);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
