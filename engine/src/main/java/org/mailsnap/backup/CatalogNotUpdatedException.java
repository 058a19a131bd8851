package org.mailsnap.backup;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The snapshot is saved in the repository, but the run's final catalog commit failed (a full or failing disk under
 * the catalog). Nothing is lost: the repository alone is the truth. The catalog stays at the run's last checkpoint,
 * so the next run lists again the folders changed since then (the messages it stored are found in the repository's
 * index files and not stored twice), and {@code snapshots} adds the saved snapshot to the catalog from the
 * repository.
 */
public final class CatalogNotUpdatedException extends IOException {
    private final String snapshotId;

    CatalogNotUpdatedException(String snapshotId, Path catalog, IOException cause) {
        super("snapshot " + snapshotId.substring(0, Math.min(12, snapshotId.length())) + " was saved in the"
                + " repository, but the local catalog at " + catalog + " could not be updated (" + cause.getMessage()
                + "); nothing is lost: fix the catalog's disk, and the next run brings the catalog up to date (it"
                + " lists again the folders changed since the catalog's last checkpoint)", cause);
        this.snapshotId = snapshotId;
    }

    /** The saved snapshot. */
    public String snapshotId() {
        return snapshotId;
    }
}
