package org.mailsnap.backup;

import java.io.IOException;
import java.nio.file.Path;
import org.mailsnap.model.SnapshotId;

/**
 * The snapshot is saved in the repository, but the run's final catalog commit failed (a full or failing disk under
 * the catalog). Nothing is lost: the repository alone is the truth. The catalog stays at the run's last checkpoint,
 * so the next run lists and reads again what changed since then (the blobs it stored are in the catalog's blob
 * index, committed apart, or in the repository's index files: none is stored twice), and {@code snapshots} adds the
 * saved snapshot to the catalog from the repository.
 */
public final class CatalogNotUpdatedException extends IOException {
    CatalogNotUpdatedException(SnapshotId snapshotId, Path catalog, IOException cause) {
        super(
                "snapshot " + snapshotId.shortId() + " was saved in the"
                        + " repository, but the local catalog at " + catalog + " could not be updated ("
                        + cause.getMessage()
                        + "); nothing is lost: fix the catalog's disk, and the next run brings the catalog up to date (it"
                        + " reads again what changed since the catalog's last checkpoint and stores nothing twice)",
                cause);
    }
}
