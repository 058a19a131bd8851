package org.mailsnap.recovery;

import java.io.IOException;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.CatalogWriter;

/**
 * The catalog's single LMDB write transaction, committed every {@code commitEvery} changes so that a rebuild of a
 * million messages never holds a transaction of a million pages. Used by one thread.
 */
final class CatalogBatch implements AutoCloseable {
    private final Catalog catalog;
    private final int commitEvery;
    private final RebuildProgress progress;
    private CatalogWriter writer;
    private int pending;

    CatalogBatch(Catalog catalog, int commitEvery, RebuildProgress progress) throws IOException {
        this.catalog = catalog;
        this.commitEvery = commitEvery;
        this.progress = progress;
        this.writer = catalog.beginWrite();
    }

    /** The open writer; valid until the next {@link #wrote()}. */
    CatalogWriter writer() {
        return writer;
    }

    /** Counts one change; commits and begins a new transaction when the batch is full. */
    void wrote() throws IOException {
        if (++pending >= commitEvery) {
            commit();
            writer = catalog.beginWrite();
        }
    }

    /** Commits what is pending; at the end of a rebuild, the batch is then finished. */
    void commit() throws IOException {
        CatalogWriter w = writer;
        writer = null;
        w.commit();
        pending = 0;
        progress.commits.increment();
    }

    /** Aborts the open transaction, if any (after a failure). */
    @Override
    public void close() {
        if (writer != null) {
            writer.abort();
            writer = null;
        }
    }
}
