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
    private final Environment env;

    private Session(Environment env, Repository repository, Catalog catalog) {
        this.env = env;
        this.repository = repository;
        this.catalog = catalog;
    }

    static Session open(Environment env, RepositoryOptions repo, CatalogOptions catalog) throws IOException {
        Repository repository = repo.open(env, id -> catalog.unlockCache(env, id));
        try {
            return new Session(env, repository, catalog.open(env, repository));
        } catch (IOException | RuntimeException e) {
            close(repository);
            throw e;
        }
    }

    /** The snapshots; each damaged snapshot object is named on stderr, one line each, and skipped. */
    SnapshotHistory history() throws IOException {
        org.mailsnap.history.CatalogSync.blobIndex(repository, catalog);
        SnapshotHistory history = SnapshotHistory.load(repository, catalog);
        history.damaged().forEach(d -> env.err().println("warning: " + d.describe()));
        return history;
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
