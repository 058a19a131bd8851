package org.mailsnap.cli;

import java.io.IOException;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.repository.Repository;

/** An opened repository with its catalog, closed together. */
final class Session implements AutoCloseable {
    final Repository repository;
    final Catalog catalog;

    private Session(Repository repository, Catalog catalog) {
        this.repository = repository;
        this.catalog = catalog;
    }

    static Session open(Environment env, RepositoryOptions repo, CatalogOptions catalog) throws IOException {
        Repository repository = repo.open(env);
        try {
            return new Session(repository, catalog.open(env, repository));
        } catch (IOException | RuntimeException e) {
            close(repository);
            throw e;
        }
    }

    SnapshotHistory history() throws IOException {
        org.mailsnap.history.CatalogSync.blobIndex(repository, catalog);
        return SnapshotHistory.load(repository, catalog);
    }

    /** A blob store for reading (restores, listings). */
    BlobStore blobs() {
        return repository.openBlobStore(catalog.blobs());
    }

    @Override
    public void close() throws IOException {
        try {
            catalog.close();
        } finally {
            close(repository);
        }
    }

    private static void close(Repository repository) throws IOException {
        try {
            repository.close();
        } finally {
            repository.storage().close();
        }
    }
}
