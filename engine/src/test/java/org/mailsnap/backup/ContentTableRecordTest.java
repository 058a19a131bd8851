package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.catalog.CatalogWriter;
import org.mailsnap.catalog.FolderState;
import org.mailsnap.fs.FileNames;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.prune.PruneOptions;
import org.mailsnap.prune.Pruning;
import org.mailsnap.snapshot.ContentTable;
import org.mailsnap.snapshot.ManifestChunks;
import org.mailsnap.snapshot.Snapshot;

/**
 * The catalog keeps, per mailbox, the blobs of the content table the last run wrote, so the next run takes its
 * chunks as stored instead of looking each up; and only while the mailbox's folder states name that table's index.
 */
class ContentTableRecordTest {
    @TempDir
    Path tmp;

    @Test
    void eachMailboxKeepsTheTableItsRunWroteUntilItHasNoMailIsGoneOrForgotten() throws Exception {
        Path store = tmp.resolve("store");
        Path u = Maildirs.maildir(store.resolve("u"));
        Maildirs.message(u, "cur", "1700000001.M1P1.h:2,S");
        Path sent = Maildirs.folder(u, ".Sent");
        Maildirs.message(sent, "cur", "1700000002.M2P1.h:2,S");
        Path v = Maildirs.maildir(store.resolve("v"));
        Maildirs.message(v, "new", "1700000003.M3P1.h");
        Trees.ageDirectories(store);
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            f.backup(store);
            ContentTable first = assertTableDescribesFolders(f, store, "u");
            assertTableDescribesFolders(f, store, "v");

            // a rename changes a placement chunk, not the table
            Files.move(u.resolve("cur/1700000001.M1P1.h:2,S"), u.resolve("cur/1700000001.M1P1.h:2,FS"));
            Trees.ageDirectories(store);
            f.backup(store);
            assertEquals(first, assertTableDescribesFolders(f, store, "u"));

            // new mail: a new table
            Maildirs.message(sent, "cur", "1700000004.M4P1.h:2,S");
            Trees.ageDirectories(store);
            f.backup(store);
            assertNotEquals(first, assertTableDescribesFolders(f, store, "u"));

            // what forget --mailbox drops from the catalog
            try (CatalogWriter w = f.catalog.beginWrite()) {
                w.forgetMailbox("v");
                w.commit();
            }
            assertEquals(Optional.empty(), table(f, store, "v"));
            f.backup(store);
            assertTableDescribesFolders(f, store, "v"); // read as new

            // no mail left in u, and v gone from the store: neither keeps a table
            Files.delete(u.resolve("cur/1700000001.M1P1.h:2,FS"));
            Files.delete(sent.resolve("cur/1700000002.M2P1.h:2,S"));
            Files.delete(sent.resolve("cur/1700000004.M4P1.h:2,S"));
            deleteTree(v);
            Trees.ageDirectories(store);
            f.backup(store);
            assertEquals(Optional.empty(), table(f, store, "u"));
            assertEquals(Optional.empty(), table(f, store, "v"));
        }
    }

    @Test
    void aTableWhoseIndexNoFolderStateNamesIsNotTakenAsStored() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Maildirs.message(inbox, "cur", "1700000001.M1P1.h:2,S");
        Trees.ageDirectories(store);
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            SnapshotId first = f.backup(store).snapshotId();
            ContentTable firstTable = table(f, store, "u").orElseThrow();

            Maildirs.message(inbox, "cur", "1700000002.M2P1.h:2,");
            Trees.ageDirectories(store);
            f.backup(store);
            // as a version that does not keep the record leaves it: naming the first table, not the folder's
            try (CatalogWriter w = f.catalog.beginWrite()) {
                w.putContentTable(storeKey(store), "u", firstTable);
                w.commit();
            }
            f.storage.delete("snapshots/" + first.hex()); // the first table's chunks are garbage now
            assertTrue(Pruning.prune(f.repository, new PruneOptions(0, false)).changed());
            f.backup(store); // nothing changed: the record stays, and a finished run trusts the state again

            // the store as the first snapshot had it: its content chunk is what the prune deleted
            Files.delete(inbox.resolve("cur/1700000002.M2P1.h:2,"));
            Trees.ageDirectories(store);
            BackupResult last = f.backup(store);

            assertEquals(firstTable, table(f, store, "u").orElseThrow(), "the same table as the first run's");
            f.assertRestoresExactly(last.snapshotId(), store, tmp.resolve("restore"));
        }
    }

    /** Asserts the mailbox's recorded table is the one its folders' manifests name and lists its index's chunks. */
    private static ContentTable assertTableDescribesFolders(BackupFixture f, Path store, String mailbox)
            throws IOException {
        ContentTable table = table(f, store, mailbox).orElseThrow(() -> new AssertionError(mailbox + ": no table"));
        try (CatalogReader reader = f.catalog.read()) {
            for (FolderKey key : reader.folders(storeKey(store))) {
                List<BlobId> manifest = reader.folder(storeKey(store), key)
                        .map(FolderState::entry)
                        .orElseThrow()
                        .manifest();
                if (key.mailbox().equals(mailbox) && !manifest.isEmpty()) {
                    assertEquals(table.index(), manifest.get(0), key + "'s manifest starts with the table's index");
                }
            }
        }
        List<BlobId> listed = new ArrayList<>();
        var blobs = f.repository.openBlobStore(f.catalog.blobs());
        ManifestChunks.visit(table.index(), blobs::get, new ManifestChunks.Visitor() {
            @Override
            public boolean enter(BlobId contentChunk) {
                listed.add(contentChunk);
                return false;
            }

            @Override
            public void content(Placement placement) {}
        });
        assertEquals(listed, table.chunks(), mailbox + ": the chunks its index lists");
        return table;
    }

    private static Optional<ContentTable> table(BackupFixture f, Path store, String mailbox) throws IOException {
        try (CatalogReader reader = f.catalog.read()) {
            return reader.contentTable(storeKey(store), mailbox);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String storeKey(Path store) {
        return Snapshot.storeKey(
                "testhost", FileNames.pathName(store.toAbsolutePath().normalize()));
    }
}
