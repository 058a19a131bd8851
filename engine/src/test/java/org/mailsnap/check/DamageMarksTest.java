package org.mailsnap.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.catalog.CatalogCorruptException;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.model.BlobId;
import org.mailsnap.repository.CorruptObjectException;
import org.mailsnap.snapshot.BlobSource;

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
            Path store = tmp.resolve("store");
            Maildirs.message(Maildirs.maildir(store.resolve("u")), "cur", "1700000001.M1P1.h:2,S");
            String id = f.backup(store).snapshotId();
            BlobId header =
                    f.placements(id).values().iterator().next().get(0).content().header();

            BlobSource damagedCatalog = blob -> {
                throw CatalogCorruptException.of(tmp.resolve("catalog"), "blob index entry does not decode");
            };
            assertThrows(
                    CatalogCorruptException.class,
                    () -> DamageMarks.marking(damagedCatalog, f.catalog).get(header));
            assertEquals(List.of(), DamageMarks.marked(f.catalog));

            BlobSource damagedPack = blob -> {
                throw new CorruptObjectException("pack 3f2a", "header MAC mismatch (corrupted or wrong key?)");
            };
            assertThrows(
                    CorruptObjectException.class,
                    () -> DamageMarks.marking(damagedPack, f.catalog).get(header));
            assertEquals(
                    List.of(header),
                    DamageMarks.marked(f.catalog).stream().map(b -> b.id()).toList());
        }
    }
}
