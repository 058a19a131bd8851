package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.prune.PruneOptions;
import org.mailsnap.prune.Pruning;

/**
 * A catalog behind its store's newest snapshot (the run that saved it could not commit the catalog) names blobs that
 * only an older snapshot references. Once that snapshot is forgotten and pruned, a run must not take those blobs as
 * stored, though its folder states name them: after a prune it looks every blob up again until a run has finished.
 */
class CatalogBehindThenPruneTest {
    @TempDir
    Path tmp;

    @Test
    void afterAPruneTheBlobsAStaleStateNamesAreLookedUpAndStoredAgain() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Maildirs.message(inbox, "cur", "1700000001.M1P1.h:2,S");
        Maildirs.uidlist(inbox, "1 1700000001.M1P1.h");
        Trees.ageDirectories(store);
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            SnapshotId first = f.backup(store).snapshotId();
            Path catalogAtFirst = copyOfCatalog(f, tmp.resolve("catalog-at-first"));

            Maildirs.message(inbox, "cur", "1700000002.M2P1.h:2,");
            Maildirs.uidlist(inbox, "1 1700000001.M1P1.h", "2 1700000002.M2P1.h");
            Trees.ageDirectories(store);
            f.backup(store);

            putCatalogBack(f, catalogAtFirst); // as if the second run's final catalog commit had failed
            f.storage.delete("snapshots/" + first.hex()); // forget the first snapshot (the second is the newest)
            assertTrue(Pruning.prune(f.repository, new PruneOptions(0, false)).changed());

            // the store as the first snapshot had it: its manifest and uidlist chunks are what the prune deleted
            Files.delete(inbox.resolve("cur/1700000002.M2P1.h:2,"));
            Maildirs.uidlist(inbox, "1 1700000001.M1P1.h");
            Trees.ageDirectories(store);
            BackupResult third = f.backup(store);

            f.assertRestoresExactly(third.snapshotId(), store, tmp.resolve("restore"));
        }
    }

    private static Path copyOfCatalog(BackupFixture f, Path copy) throws IOException {
        f.catalog.close();
        copyTree(f.dir.resolve("catalog"), copy);
        f.catalog = Catalog.open(f.dir.resolve("catalog"), f.repository.config().repositoryId());
        return copy;
    }

    private static void putCatalogBack(BackupFixture f, Path copy) throws IOException {
        f.catalog.close();
        Catalog.delete(f.dir.resolve("catalog"));
        copyTree(copy, f.dir.resolve("catalog"));
        f.catalog = Catalog.open(f.dir.resolve("catalog"), f.repository.config().repositoryId());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
