package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.fs.FileNames;
import org.mailsnap.maildir.MailboxRootListing;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.model.FolderKey;
import org.mailsnap.snapshot.Snapshot;

/**
 * A backup keeps what the finder saw in each mailbox root and trusts it while the root's mtime stands; each folder
 * it names is still looked at, so a link planted between two runs in such a folder is reported as a read of the root
 * would report it and never followed, and a mailbox whose run reported anything has its root read again next run.
 */
class MailboxRootListingBackupTest {
    @TempDir
    Path tmp;

    private static BackupSettings settings(Path store) {
        return BackupSettings.builder(store, "testhost").threads(2).build();
    }

    private static Map<String, MailboxRootListing> listings(BackupFixture f, Path store) throws IOException {
        String storeKey = Snapshot.storeKey(
                "testhost", FileNames.pathName(store.toAbsolutePath().normalize()));
        try (CatalogReader reader = f.catalog.read()) {
            return reader.mailboxRoots(storeKey);
        }
    }

    @Test
    void aLinkPlantedInAFolderTheListingNamesIsReportedAndNeverFollowed() throws IOException {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Maildirs.message(inbox, "cur", "1700000002.M2P1.h:2,S");
        Maildirs.message(inbox, "cur", "1700000003.M3P1.h:2,S");
        Path sent = Maildirs.folder(inbox, ".Sent");
        Maildirs.message(sent, "cur", "1700000001.M1P1.h:2,S");
        Path outside = Maildirs.maildir(tmp.resolve("outside"));
        Maildirs.message(outside, "cur", "1700000009.M9P1.h:2,S");
        FolderKey sentKey = new FolderKey("u", ".Sent");
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            Trees.ageDirectories(store);
            BackupResult first = f.backup(settings(store));
            assertFalse(first.partial(), first.problems().toString());
            assertEquals(List.of(".Sent"), listings(f, store).get("u").folders(), "the root's listing is kept");

            // .Sent/cur becomes a link to a directory outside the store; the mailbox root does not change
            Path cur = sent.resolve("cur");
            Files.move(cur, tmp.resolve("old-cur"));
            Files.createSymbolicLink(cur, outside.resolve("cur"));
            int opens = f.files.opens();
            BackupResult second = f.backup(settings(store));
            assertEquals(opens, f.files.opens(), "nothing behind the link was read");
            List<String> reports =
                    second.problems().stream().map(BackupProblem::message).toList();
            assertTrue(
                    reports.contains("u/.Sent: cur/ is a symbolic link, not followed: this folder is not backed up"),
                    "reported as a read of the root would: " + reports);
            assertFalse(f.placements(second.snapshotId()).containsKey(sentKey));
            assertFalse(listings(f, store).containsKey("u"), "the root is read again next time");

            BackupResult third = f.backup(settings(store));
            assertEquals(opens, f.files.opens(), "still nothing read behind the link");
            assertEquals(
                    reports,
                    third.problems().stream().map(BackupProblem::message).toList());
        }
    }

    @Test
    void aFolderCreatedBetweenRunsIsFoundAndOneDeletedIsGone() throws IOException {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Maildirs.message(Maildirs.folder(inbox, ".Old"), "cur", "1700000001.M1P1.h:2,S");
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            Trees.ageDirectories(store);
            f.backup(settings(store));
            MailboxRootListing before = listings(f, store).get("u");
            assertEquals(List.of(".Old"), before.folders());

            Maildirs.message(Maildirs.folder(inbox, ".New"), "new", "1700000002.M2P1.h");
            LiveChangesTest.deleteTree(inbox.resolve(".Old"));
            Trees.ageDirectories(store);
            BackupResult next = f.backup(settings(store));
            assertFalse(next.partial(), next.problems().toString());
            assertEquals(
                    List.of(new FolderKey("u", ""), new FolderKey("u", ".New")),
                    List.copyOf(f.placements(next.snapshotId()).keySet()));
            assertEquals(List.of(".New"), listings(f, store).get("u").folders());
        }
    }

    @Test
    void aMailboxGoneFromTheStoreLosesItsListing() throws IOException {
        Path store = tmp.resolve("store");
        Maildirs.maildir(store.resolve("u"));
        Maildirs.message(Maildirs.maildir(store.resolve("v")), "cur", "1700000001.M1P1.h:2,S");
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            Trees.ageDirectories(store);
            f.backup(settings(store));
            assertEquals(
                    List.of("u", "v"),
                    listings(f, store).keySet().stream().sorted().toList());

            LiveChangesTest.deleteTree(store.resolve("u"));
            f.backup(settings(store));
            assertEquals(List.of("v"), List.copyOf(listings(f, store).keySet()));
        }
    }
}
