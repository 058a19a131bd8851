package org.mailsnap.cli;

import java.io.IOException;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.repository.Repository;

/**
 * An opened repository with its catalog, closed together; for a command that writes the catalog for its whole run,
 * also the catalog's {@link RunLock}.
 */
final class Session implements AutoCloseable {
    final Repository repository;
    final Catalog catalog;
    private final Environment env;
    private final RunLock runLock;

    private Session(Environment env, Repository repository, Catalog catalog, RunLock runLock) {
        this.env = env;
        this.repository = repository;
        this.catalog = catalog;
        this.runLock = runLock;
    }

    static Session open(Environment env, RepositoryAccessOptions repo, CatalogOptions catalog) throws IOException {
        return open(env, repo, catalog, null);
    }

    /**
     * Opens the session for a run that writes (backup, and later forget/prune): takes the catalog's run lock first,
     * so a second such run exits with {@link ExitCode#BUSY} instead of waiting.
     */
    static Session openForWriting(Environment env, RepositoryAccessOptions repo, CatalogOptions catalog, String command)
            throws IOException {
        return open(env, repo, catalog, command);
    }

    private static Session open(Environment env, RepositoryAccessOptions repo, CatalogOptions catalog, String writer)
            throws IOException {
        Repository repository = repo.open(env, id -> catalog.unlockCache(env, id));
        RunLock runLock = null;
        try {
            if (writer != null) {
                runLock = RunLock.acquire(catalog.directory(env, repository), writer);
            }
            return new Session(env, repository, catalog.open(env, repository), runLock);
        } catch (IOException | RuntimeException e) {
            try {
                if (runLock != null) {
                    runLock.close();
                }
            } finally {
                close(repository);
            }
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
            try {
                close(repository);
            } finally {
                if (runLock != null) {
                    runLock.close();
                }
            }
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
