package org.mailsnap.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.catalog.CatalogCorruptException;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.CorruptObjectException;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.DamagedSources;

/**
 * The marking blob source marks a blob the repository gives back damaged, but not one the local catalog failed to
 * look up: the catalog's damage says nothing about the blob, and a rebuild, not a mark, repairs it.
 */
class DamageMarksTest {
    @TempDir
    Path tmp;

    @Test
    void marksRepositoryDamageButPassesTheCatalogsOwn() throws Exception {
        try (BackupFixture f = new BackupFixture(tmp.resolve("f"))) {
            SnapshotId id = f.backupOneMessage(tmp.resolve("store"));
            BlobId header =
                    f.placements(id).values().iterator().next().get(0).content().header();

            BlobSource damagedCatalog = DamagedSources.catalog(tmp.resolve("catalog"));
            assertThrows(
                    CatalogCorruptException.class,
                    () -> DamageMarks.marking(damagedCatalog, f.catalog).get(header));
            assertEquals(List.of(), f.catalog.blobs().damagedLocations());

            BlobSource damagedPack = DamagedSources.repository();
            assertThrows(
                    CorruptObjectException.class,
                    () -> DamageMarks.marking(damagedPack, f.catalog).get(header));
            assertEquals(
                    List.of(header),
                    f.catalog.blobs().damagedLocations().stream()
                            .map(b -> b.id())
                            .toList());
        }
    }
}
