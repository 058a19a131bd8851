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
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.DamagedSources;

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
            SnapshotId id = f.backupOneMessage(tmp.resolve("store"));
            Map.Entry<FolderKey, List<Placement>> folder =
                    f.placements(id).entrySet().iterator().next();
            SnapshotSummary snapshot = new SnapshotSummary(id, Instant.ofEpochSecond(1_700_000_100L), "h", "h:s", 1);
            f.loseCatalog(); // the message is new to the index: its header is read

            RebuildProgress progress = new RebuildProgress();
            BlobSource damagedPack = DamagedSources.repository();
            try (CatalogBatch batch = new CatalogBatch(f.catalog, 1_000, progress)) {
                new SearchIndexer(batch, damagedPack, progress)
                        .seen(snapshot, folder.getKey(), folder.getValue().get(0), ':');
            }
            assertEquals(1, progress.headersUnreadable.get());

            BlobSource damagedCatalog = DamagedSources.catalog(tmp.resolve("catalog"));
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
