package org.mailsnap.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.backup.BackupSettings;
import org.mailsnap.backup.Trees;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.Snapshot;

/**
 * A diff of two real snapshots of a mailbox that changed in every way a user changes one: flags and keywords set, a
 * message picked up from {@code new/}, one expunged, one moved to another folder, one moved back into a folder that
 * knew its base (Dovecot gives it a new base and keeps its GUID), one delivered, a folder deleted and one created;
 * and a mailbox that did not change, whose folders the diff must not read.
 */
class SnapshotDiffTest {
    private static final String MOVED = "1796403632.M697596P18646.vm";
    private static final String REBASED = "1796403632.M732777P18646.vm";

    @TempDir
    Path tmp;

    @Test
    void reportsEveryKindOfChangeAsMailAndReadsNoUnchangedFolder() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Path archive = Maildirs.folder(inbox, ".Archive");
        Path old = Maildirs.folder(inbox, ".Old");
        Path other = Maildirs.maildir(store.resolve("v"));
        Files.writeString(inbox.resolve("dovecot-keywords"), "0 $Important\n");
        message(inbox, "cur", "1700000001.M1P1.h:2,S", "kept");
        message(inbox, "cur", "1700000002.M2P1.h:2,S", "re-flagged");
        message(inbox, "new", "1700000003.M3P1.h", "picked up");
        message(inbox, "cur", "1700000004.M4P1.h:2,S", "expunged");
        message(inbox, "cur", "1700000005.M5P1.h:2,S", "moved");
        message(archive, "cur", MOVED + ":2,S", "moved back");
        message(old, "cur", "1700000006.M6P1.h:2,S", "in a deleted folder");
        message(other, "cur", "1700000009.M9P1.h:2,S", "another mailbox");
        Maildirs.uidlist(archive, "1 :" + MOVED);
        Maildirs.uidlist(inbox, "1 :" + MOVED);
        BackupSettings settings =
                BackupSettings.builder(store, "testhost").threads(2).build();
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            SnapshotId first = f.backup(settings).snapshotId();

            Files.move(inbox.resolve("cur/1700000002.M2P1.h:2,S"), inbox.resolve("cur/1700000002.M2P1.h:2,RSa"));
            Files.move(inbox.resolve("new/1700000003.M3P1.h"), inbox.resolve("cur/1700000003.M3P1.h:2,S"));
            Files.delete(inbox.resolve("cur/1700000004.M4P1.h:2,S"));
            Files.move(inbox.resolve("cur/1700000005.M5P1.h:2,S"), archive.resolve("cur/1700000005.M5P1.h:2,S"));
            Files.move(archive.resolve("cur/" + MOVED + ":2,S"), inbox.resolve("cur/" + REBASED + ":2,FS"));
            Maildirs.uidlist(archive);
            Maildirs.uidlist(inbox, "1 :" + MOVED, "2 G" + MOVED + " :" + REBASED);
            message(archive, "new", "1700000007.M7P1.h", "delivered");
            Files.delete(old.resolve("cur/1700000006.M6P1.h:2,S"));
            try (var left = Files.walk(old)) {
                for (Path p : left.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
            Path created = Maildirs.folder(inbox, ".New");
            message(created, "cur", "1700000008.M8P1.h:2,S", "in a new folder");
            Trees.ageDirectories(store);
            SnapshotId second = f.backup(settings).snapshotId();

            Snapshot before = f.snapshot(first);
            Snapshot after = f.snapshot(second);
            BlobStore blobs = f.repository.openBlobStore(f.catalog.blobs());
            Set<BlobId> read = new HashSet<>();
            BlobSource counting = id -> {
                read.add(id);
                return blobs.get(id);
            };
            List<Change> changes = new ArrayList<>();
            DiffTotals totals;
            try (CatalogReader catalog = f.catalog.read()) {
                totals = new SnapshotDiff(counting, catalog::message).diff(before, after, changes::add);
            }

            assertEquals(new DiffTotals(2, 2, 2, 2), totals, changes.toString());
            assertEquals(
                    List.of(
                            "FLAGS_CHANGED u INBOX cur/1700000002.M2P1.h:2,S [seen] -> INBOX cur/1700000002.M2P1.h:2,RSa"
                                    + " [answered, seen, $Important] re-flagged",
                            "FLAGS_CHANGED u INBOX new/1700000003.M3P1.h [] -> INBOX cur/1700000003.M3P1.h:2,S [seen]"
                                    + " picked up",
                            "MOVED u .Archive cur/" + MOVED + ":2,S [seen] -> INBOX cur/" + REBASED
                                    + ":2,FS [flagged, seen]" + " moved back",
                            "MOVED u INBOX cur/1700000005.M5P1.h:2,S [seen] -> .Archive cur/1700000005.M5P1.h:2,S [seen]"
                                    + " moved",
                            "ADDED u - -> .Archive new/1700000007.M7P1.h [] delivered",
                            "ADDED u - -> .New cur/1700000008.M8P1.h:2,S [seen] in a new folder",
                            "EXPUNGED u INBOX cur/1700000004.M4P1.h:2,S [seen] -> - expunged",
                            "EXPUNGED u .Old cur/1700000006.M6P1.h:2,S [seen] -> - in a deleted folder"),
                    changes.stream().map(SnapshotDiffTest::line).collect(Collectors.toList()));
            Change rebased = changes.get(2);
            assertEquals(MOVED, rebased.guid(), "a re-based move is known by its GUID");
            assertEquals("Anne <anne@example.org>", rebased.info().from());
            assertNotNull(rebased.info().date());

            List<FolderEntry> unchanged = new ArrayList<>();
            ChunkCursor.tree(after.tree(), blobs::get).forEachRemaining(e -> {
                if (e.key().mailbox().equals("v")) {
                    unchanged.add(e);
                }
            });
            assertFalse(unchanged.isEmpty());
            for (FolderEntry e : unchanged) {
                assertTrue(
                        e.manifest().stream().noneMatch(read::contains),
                        "the unchanged folder " + e.key() + " is compared by its chunk ids, not read");
            }

            List<Change> none = new ArrayList<>();
            assertEquals(
                    DiffTotals.NONE, new SnapshotDiff(blobs::get, MessageIndex.NONE).diff(after, after, none::add));
            assertEquals(List.of(), none);
            List<Change> reversed = new ArrayList<>();
            assertEquals(
                    new DiffTotals(2, 2, 2, 2),
                    new SnapshotDiff(blobs::get, MessageIndex.NONE).diff(after, before, reversed::add),
                    "the way back undoes every change");
            assertNull(reversed.get(0).info(), "no index: no mail fields");
        }
    }

    private static String line(Change c) {
        return c.kind() + " " + c.mailbox() + " " + side(c.before()) + " -> " + side(c.after()) + " "
                + (c.info() == null ? "-" : c.info().subject());
    }

    private static String side(MessageState s) {
        return s == null
                ? "-"
                : (s.folder().isEmpty() ? "INBOX" : s.folder()) + " "
                        + (s.placement().inCur() ? "cur/" : "new/")
                        + s.placement().name() + " " + s.flags();
    }

    private static void message(Path folder, String sub, String name, String subject) throws IOException {
        Files.writeString(
                folder.resolve(sub).resolve(name),
                "From: Anne <anne@example.org>\r\nSubject: " + subject
                        + "\r\nDate: Tue, 24 Nov 2026 10:00:00 +0000\r\n\r\nbody of " + name + "\r\n",
                StandardCharsets.UTF_8);
    }
}
