package org.mailsnap.snapshot;

import java.nio.file.Path;
import org.mailsnap.catalog.CatalogCorruptException;
import org.mailsnap.repository.CorruptObjectException;

/** Blob sources failing the two ways a reader must tell apart: damage in the repository, damage in the catalog. */
public final class DamagedSources {
    private DamagedSources() {}

    /** Every blob comes back damaged, as from a pack whose MAC does not match. */
    public static BlobSource repository() {
        return id -> {
            throw new CorruptObjectException("pack 3f2a", "header MAC mismatch (corrupted or wrong key?)");
        };
    }

    /** Every lookup finds the local catalog at {@code directory} damaged. */
    public static BlobSource catalog(Path directory) {
        return id -> {
            throw CatalogCorruptException.of(directory, "blob index entry does not decode");
        };
    }
}
