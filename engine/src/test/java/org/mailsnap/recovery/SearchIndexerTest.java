package org.mailsnap.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.catalog.CatalogCorruptException;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.repository.CorruptObjectException;
import org.mailsnap.snapshot.BlobSource;

/**
 * A rebuild indexes a message whose header the repository cannot give back without header fields, but stops at
 * damage to the catalog it is rebuilding: that is not a lost pack, and skipping it would index every message blind.
 */
class SearchIndexerTest {
    @TempDir
    Path tmp;

    @Test
    void aDamagedPackIsIndexedWithoutHeadersButADamagedCatalogStopsTheRebuild() throws Exception {
        try (BackupFixture f = new BackupFixture(tmp.resolve("f"))) {
            Path store = tmp.resolve("store");
            Maildirs.message(Maildirs.maildir(store.resolve("u")), "cur", "1700000001.M1P1.h:2,S");
            String id = f.backup(store).snapshotId();
            Map.Entry<FolderKey, List<Placement>> folder =
                    f.placements(id).entrySet().iterator().next();
            SnapshotSummary snapshot = new SnapshotSummary(id, Instant.ofEpochSecond(1_700_000_100L), "h", "h:s", 1);
            f.loseCatalog(); // the message is new to the index: its header is read

            RebuildProgress progress = new RebuildProgress();
            BlobSource damagedPack = blob -> {
                throw new CorruptObjectException("pack 3f2a", "header MAC mismatch (corrupted or wrong key?)");
            };
            try (CatalogBatch batch = new CatalogBatch(f.catalog, 1_000, progress)) {
                new SearchIndexer(batch, damagedPack, progress)
                        .seen(snapshot, folder.getKey(), folder.getValue().get(0), ':');
            }
            assertEquals(1, progress.headersUnreadable.get());

            BlobSource damagedCatalog = blob -> {
                throw CatalogCorruptException.of(tmp.resolve("catalog"), "blob index entry does not decode");
            };
            try (CatalogBatch batch = new CatalogBatch(f.catalog, 1_000, progress)) {
                SearchIndexer indexer = new SearchIndexer(batch, damagedCatalog, progress);
                assertThrows(
                        CatalogCorruptException.class,
                        () -> indexer.seen(
                                snapshot, folder.getKey(), folder.getValue().get(0), ':'));
            }
            assertEquals(1, progress.headersUnreadable.get(), "the catalog's damage is no unreadable header");
        }
    }
}
